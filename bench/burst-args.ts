/** The command line of `npm run bench:burst`, read strictly: a mistyped flag stops the run. */
import { numberFlag } from "./flag-values.ts";

export interface BurstArgs {
  /** `/prisoner` commands queued at once. */
  commands: number;
  /** Telegram groups they come from, in turn. */
  chats: number;
  /** Seconds the commands are spread over, evenly; 0 (the default): all queued at once. */
  overS: number;
  json: boolean;
  /** Keep every core busy with spinning processes for the whole run (busy-load.ts). */
  load: boolean;
  /** A Postgres server to run on (a scratch database is created there and dropped); PGlite when absent. */
  databaseUrl: string | undefined;
}

export const BURST_USAGE =
  "npm run bench:burst -- [--commands N] [--chats N] [--over SECONDS] [--load] [--json] [--database-url postgres://…]";

export function parseBurstArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BurstArgs {
  const args: BurstArgs = {
    commands: 2_000,
    chats: 200,
    overS: 0,
    json: false,
    load: false,
    databaseUrl: env.DATABASE_URL || undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--json") args.json = true;
    else if (flag === "--load") args.load = true;
    else if (flag === "--commands") args.commands = numberFlag(flag, value(), true);
    else if (flag === "--chats") args.chats = numberFlag(flag, value(), true);
    else if (flag === "--over") {
      const raw = value();
      args.overS = Number(raw);
      if (raw === undefined || !Number.isFinite(args.overS) || args.overS < 0)
        throw new Error(`--over needs a number of seconds (0: all at once), got ${raw ?? "nothing"}`);
    } else if (flag === "--database-url") args.databaseUrl = value();
    else if (flag === "--help") {
      process.stdout.write(`usage: ${BURST_USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\nusage: ${BURST_USAGE}`);
  }
  return args;
}
