/** The command line's usage text and its usage error. */
export class UsageError extends Error {}

export const USAGE = `Usage: freetobehome <command>

  start                          run the bot: configured platforms, the HTTP endpoints; with no platform
                                 configured and a terminal attached, the local console chat
  console                        the local console chat (also reads commands from standard input)
  migrate                        apply database migrations
  import <file|folder>... [--dry-run]
                                 validate and upsert campaigns and profiles (YAML or JSON), all or nothing
  export [--out <file>] [--format yaml|json]
                                 everything importable; round-trips through import
  profiles list                  every profile with its status and verification date
  profiles stale                 profiles not verified within STALE_AFTER_DAYS
  profiles takedown <id> --reason <text>
                                 withhold a profile everywhere at once
  profiles restore <id>          lift a takedown: public again, unless its file withholds the profile
  campaigns list                 every campaign: default?, historical?, profiles and subscriptions
  campaigns remove <id> [--move-to <other id>] [--with-profiles]
                                 remove a campaign; refused while subscriptions follow it (--move-to
                                 moves them) or it holds profiles (--with-profiles removes them too)
  subscriptions list             every subscription with its state, next post and last result
  deliver [--at <ISO instant>] [--dry-run]
                                 one delivery pass as of now, or as of an instant already past (a
                                 catch-up; a future one is refused): posts what is due and not yet
                                 posted, prints what it sent, skipped and why; --dry-run prints what
                                 would be posted where, when and which profile (--at may then be in the
                                 future) and writes nothing
  register-commands              register the slash commands with Discord and the menus with Telegram
  slack-manifest [--url <public https URL>]
                                 print the Slack app manifest (Socket Mode without --url)

Settings come from the environment (and .env): see README.md.
`;

/**
 * Reads `--name value` flags; the rest are positional. Unknown flags are a usage error: looked up as own
 * keys only, so `--constructor` or `--__proto__` is unknown too, not a property every object has.
 */
export function readFlags(args: string[], known: Readonly<Record<string, "value" | "switch">>) {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s) as [string, string | undefined];
    const kind = Object.hasOwn(known, name) ? known[name] : undefined;
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === "switch") flags[name] = true;
    else {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    }
  }
  return { flags, positional };
}

/** `"a" "b"`: each word quoted, so an operator sees exactly what was taken for an argument. */
export function quoteWords(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(" ");
}

/** Refuses words a command does not take: an ignored word is usually a mistake the operator should see. */
export function refuseArguments(command: string, positional: readonly string[]): void {
  if (positional.length > 0) {
    throw new UsageError(`${command} takes no arguments (unexpected: ${quoteWords(positional)})`);
  }
}
