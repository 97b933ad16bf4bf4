/** The command line of `npm run bench:fanout`, read strictly: a mistyped flag stops the run instead of being ignored. */

import { numberFlag } from "./flag-values.ts";

export const FANOUT_PLATFORMS = ["telegram", "slack", "discord"] as const;
export type FanoutPlatform = (typeof FANOUT_PLATFORMS)[number];

export interface FanoutArgs {
  subscriptions: number;
  platforms: FanoutPlatform[];
  /** Every global cap (the fakes', the pacers', discord.js's own) is multiplied by this. */
  scale: number;
  /**
   * Our pacing as a share of each cap, set through *_MESSAGES_PER_SECOND as an operator would; the fakes
   * still enforce the full cap. 1 (the default) paces at the cap, as the shipped configuration does.
   */
  paceShare: number;
  /**
   * Widens each pacer's global window by this many ms (default 0: the shipped pacing), to measure how much
   * headroom the arrival jitter needs; the rate becomes cap × 1000 / (1000 + guard).
   */
  paceGuardMs: number;
  /**
   * The share of Discord's subscriptions that ask to crosspost (0, the default: none): each such post is a
   * second request against the global limit (rig-discord.ts).
   */
  crosspostShare: number;
  json: boolean;
  /** Keep every core busy with spinning processes for the whole run (busy-load.ts): the "busy machine" case. */
  load: boolean;
  /**
   * `/prisoner` commands per second sent from Telegram groups of their own while the pass runs, each timed
   * queued → answered (0, the default: none). Needs telegram among the platforms.
   */
  commandsPerSecond: number;
  /** The groups those commands come from, in turn. */
  commandChats: number;
  /** A Postgres server to run on (a scratch database is created there and dropped); PGlite when absent. */
  databaseUrl: string | undefined;
}

/**
 * 10,000 posts spread in proportion to the caps (30 + 20 + 50 = 100/s unscaled) take 100 s / scale. At 2 the
 * pass takes under a minute; at 3 the one process (three fakes, in-process PGlite and delivery) is ~80% busy
 * and its own event-loop stalls start to show in the numbers, so 2 is the default.
 */
export const DEFAULT_SCALE = 2;

export const USAGE = `npm run bench:fanout -- [--scale N] [--subscriptions N] [--platforms telegram,slack,discord] [--pace-share S] [--pace-guard-ms G] [--crosspost-share S] [--load] [--commands PER_SECOND] [--command-chats N] [--json] [--database-url postgres://…]`;

export function parseFanoutArgs(argv: readonly string[], env: NodeJS.ProcessEnv): FanoutArgs {
  const args: FanoutArgs = {
    subscriptions: 10_000,
    platforms: [...FANOUT_PLATFORMS],
    scale: DEFAULT_SCALE,
    paceShare: 1,
    paceGuardMs: 0,
    crosspostShare: 0,
    json: false,
    load: false,
    commandsPerSecond: 0,
    commandChats: 200,
    databaseUrl: env.DATABASE_URL || undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--json") args.json = true;
    else if (flag === "--load") args.load = true;
    else if (flag === "--scale") args.scale = numberFlag(flag, value(), false);
    else if (flag === "--pace-share") args.paceShare = numberFlag(flag, value(), false);
    else if (flag === "--pace-guard-ms") args.paceGuardMs = numberFlag(flag, value(), false);
    else if (flag === "--crosspost-share") args.crosspostShare = numberFlag(flag, value(), false);
    else if (flag === "--subscriptions") args.subscriptions = numberFlag(flag, value(), true);
    else if (flag === "--commands") args.commandsPerSecond = numberFlag(flag, value(), false);
    else if (flag === "--command-chats") args.commandChats = numberFlag(flag, value(), true);
    else if (flag === "--database-url") args.databaseUrl = value();
    else if (flag === "--platforms") {
      const names = (value() ?? "").split(",").filter(Boolean);
      const unknown = names.filter((n) => !(FANOUT_PLATFORMS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0)
        throw new Error(
          `--platforms takes ${FANOUT_PLATFORMS.join(",")}; got ${names.join(",") || "nothing"}`,
        );
      args.platforms = [...new Set(names)] as FanoutPlatform[];
    } else throw new Error(`unknown argument ${argv[i]}\nusage: ${USAGE}`);
  }
  // Our config accepts at most 1000 messages per second per platform; Discord's 50/s reaches it at 20.
  if (args.scale > 20)
    throw new Error("--scale is at most 20 (Discord's 50/s × 20 = our 1000/s setting limit)");
  if (args.commandsPerSecond > 0 && !args.platforms.includes("telegram"))
    throw new Error("--commands come from Telegram groups: keep telegram among --platforms");
  if (args.paceShare > 1) throw new Error("--pace-share is a share of the cap: above 0, at most 1");
  if (args.crosspostShare > 1)
    throw new Error("--crosspost-share is a share of Discord's subscriptions: above 0, at most 1");
  return args;
}
