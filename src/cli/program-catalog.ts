/** The curation commands: import, export, and the profiles and subscriptions lists and changes. */
import { type Command, Option } from "commander";
import { commandOf, define, extraWords, type Run, type Runs } from "./define-command.ts";
import { quoteWords, UsageError } from "./usage.ts";

export function defineCatalogCommands(
  program: Command,
  tools: { runs: Runs; select(run: Run): void; argv: readonly string[] },
): void {
  const { runs, select } = tools;
  runs(
    define(program, "import", {
      summary: "validate and load campaigns and profiles (YAML or JSON), all or nothing",
      description:
        "Reads every file (a folder: its .yaml, .yml and .json files), validates them together, and writes " +
        "everything in one transaction, or nothing: every problem is named with its file, line and what is allowed.",
      examples: [
        ["See what would change, writing nothing", "freetobehome import ./profiles --dry-run"],
        ["Load two files", "freetobehome import campaign.yaml jane-doe.yaml"],
      ],
    })
      .argument("<file-or-folder...>", "files and folders to read")
      .option("--dry-run", "validate and report what would change; write nothing"),
    async (ctx, self) =>
      (await import("./catalog-commands.ts")).runImportCommand(ctx, self.processedArgs[0] as string[], {
        dryRun: self.opts<{ dryRun?: true }>().dryRun === true,
      }),
  );
  runs(
    define(program, "export", {
      summary: "everything importable, as YAML or JSON; round-trips through import",
      examples: [
        ["A backup file (the format follows the extension)", "freetobehome export --out backup.json"],
        ["To standard output, as YAML", "freetobehome export > catalog.yaml"],
      ],
    })
      .option("--out <file>", "write to this file instead of standard output")
      .addOption(
        new Option(
          "--format <format>",
          "yaml or json (default: json for an --out ending in .json, else yaml)",
        ).choices(["yaml", "json"]),
      ),
    async (ctx, self) =>
      (await import("./export.ts")).runExport(ctx, self.opts<{ out?: string; format?: "yaml" | "json" }>()),
  );

  const profiles = define(program, "profiles", {
    summary: "list, check, take down and restore profiles",
    description: "The profiles in the catalog: list them, find the stale ones, take one down or restore it.",
    examples: [["Profiles not verified recently", "freetobehome profiles stale"]],
  });
  for (const stale of [false, true]) {
    runs(
      define(profiles, stale ? "stale" : "list", {
        summary: stale
          ? "profiles not verified within STALE_AFTER_DAYS"
          : "every profile with its status, verification date and publication",
        examples: [
          ["As a table", `freetobehome profiles ${stale ? "stale" : "list"}`],
          ["As JSON, for a script", `freetobehome profiles ${stale ? "stale" : "list"} --json | jq '.[].id'`],
        ],
      }).option("--json", "one JSON document (an array of profiles) instead of the table"),
      async (ctx, self) =>
        (await import("./profiles-list.ts")).runProfilesList(ctx, {
          staleOnly: stale,
          json: self.opts<{ json?: true }>().json === true,
        }),
    );
  }
  define(profiles, "takedown", {
    summary: "withhold a profile everywhere at once (search, rotation, posts); logged",
    examples: [
      [
        "Take a profile down, saying why",
        'freetobehome profiles takedown jane-doe --reason "family request"',
      ],
    ],
  })
    .argument("<id>", "the profile's id (see: freetobehome profiles list)")
    .option("--reason <text>", "why, kept in the audit log (required; quote several words)")
    .action((...params: unknown[]) => {
      const self = commandOf(params);
      const [id] = self.processedArgs as [string];
      const { reason } = self.opts<{ reason?: string }>();
      const extra = extraWords(self);
      if (extra.length > 0) {
        const hint =
          reason === undefined ? "" : quoteReasonHint(afterWord(tools.argv, "takedown"), reason, extra);
        throw new UsageError(`profiles takedown takes one id (unexpected: ${quoteWords(extra)})${hint}`);
      }
      if (reason === undefined || reason.trim() === "") {
        throw new UsageError("profiles takedown needs --reason <text>: the audit log keeps why");
      }
      select(async (ctx) => (await import("./catalog-commands.ts")).runTakedown(ctx, id, reason.trim()));
    });
  runs(
    define(profiles, "restore", {
      summary: "lift a takedown: public again, unless its file withholds the profile",
      examples: [["Restore a profile taken down by mistake", "freetobehome profiles restore jane-doe"]],
    }).argument("<id>", "the profile's id"),
    async (ctx, self) =>
      (await import("./catalog-commands.ts")).runRestore(ctx, self.processedArgs[0] as string),
  );

  const subscriptions = define(program, "subscriptions", {
    summary: "list the channels' subscriptions",
    description: "The channels subscribed to daily posts.",
    examples: [["Every subscription", "freetobehome subscriptions list"]],
  });
  runs(
    define(subscriptions, "list", {
      summary: "every subscription with its state, next post and last result",
      examples: [
        ["As a table", "freetobehome subscriptions list"],
        [
          "The paused ones, from JSON",
          "freetobehome subscriptions list --json | jq '.[] | select(.state == \"paused\")'",
        ],
      ],
    }).option("--json", "one JSON document (an array of subscriptions) instead of the table"),
    async (ctx, self) =>
      (await import("./subscriptions.ts")).runSubscriptionsList(ctx, {
        json: self.opts<{ json?: true }>().json === true,
      }),
  );
}

function afterWord(words: readonly string[], word: string): string[] {
  const at = words.indexOf(word);
  return at === -1 ? [] : words.slice(at + 1);
}

/**
 * `--reason family request` takes only "family" as the reason; the likely intent is one reason of several
 * words, so the hint shows it quoted when the extra words follow the reason, and how to quote otherwise.
 */
function quoteReasonHint(args: readonly string[], reason: string, extra: readonly string[]): string {
  const before = args[args.length - extra.length - 1];
  const followsReason =
    args.slice(-extra.length).join("\0") === extra.join("\0") &&
    (before === reason || before === `--reason=${reason}`);
  const example = followsReason ? [reason, ...extra].join(" ") : "family request";
  return `; quote a reason of several words: --reason "${example}"`;
}
