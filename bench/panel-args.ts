/** The command line of `npm run bench:panel`, read strictly: a mistyped flag stops the run before the seeding. */
import { PANEL_PAGE_NAMES } from "./panel-report.ts";

export interface PanelArgs {
  profiles: number;
  subscriptions: number;
  requests: number;
  /** Days of sent posts for every subscription. */
  days: number;
  seed: number;
  /** The pages measured, by name (all by default). */
  pages: string[];
  json: boolean;
  /** A Postgres server to run on (a scratch database is created there and dropped); PGlite when absent. */
  databaseUrl: string | undefined;
  help: boolean;
}

export const USAGE = `npm run bench:panel -- [--profiles N] [--subscriptions N] [--requests N] [--days N] [--seed N] [--pages deliveries,today,…] [--json] [--database-url postgres://…]

  --profiles N        generated profiles (default 50000)
  --subscriptions N   subscriptions, five channels to a community (default 10000)
  --requests N        measured requests a page, after one unmeasured warm-up (default 30)
  --days N            days of sent posts for every subscription, up to yesterday (default 7)
  --seed N            the generator's seed (default 7)
  --pages WORDS       only the pages whose name starts with one of these comma-separated words
                      (case does not matter): ${PANEL_PAGE_NAMES.join("; ")}
  --json              the figures as JSON on stdout
  --database-url URL  a Postgres server: a scratch database is made there and dropped at the end`;

function wholeNumber(name: string, raw: string | undefined, least: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < least)
    throw new Error(`${name} needs a whole number of at least ${least}, got ${raw ?? "nothing"}`);
  return value;
}

/** The pages whose name starts with one of the words; a word that names none is an error. */
function pagesNamed(raw: string | undefined): string[] {
  const words = (raw ?? "")
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) throw new Error("--pages needs one or more comma-separated page names");
  const named = (word: string) => PANEL_PAGE_NAMES.filter((name) => name.toLowerCase().startsWith(word));
  const unknown = words.filter((word) => named(word).length === 0);
  if (unknown.length > 0)
    throw new Error(
      `--pages: no page is named ${unknown.map((w) => `"${w}…"`).join(", ")}; the pages are: ${PANEL_PAGE_NAMES.join("; ")}`,
    );
  return PANEL_PAGE_NAMES.filter((name) => words.some((word) => named(word).includes(name)));
}

export function parsePanelArgs(argv: readonly string[]): PanelArgs {
  const args: PanelArgs = {
    profiles: 50_000,
    subscriptions: 10_000,
    requests: 30,
    days: 7,
    seed: 7,
    pages: [...PANEL_PAGE_NAMES],
    json: false,
    databaseUrl: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--json") args.json = true;
    else if (flag === "--profiles") args.profiles = wholeNumber(flag, value(), 200);
    else if (flag === "--subscriptions") args.subscriptions = wholeNumber(flag, value(), 1);
    else if (flag === "--requests") args.requests = wholeNumber(flag, value(), 1);
    else if (flag === "--days") args.days = wholeNumber(flag, value(), 0);
    else if (flag === "--seed") args.seed = wholeNumber(flag, value(), 0);
    else if (flag === "--pages") args.pages = pagesNamed(value());
    else if (flag === "--database-url") {
      const url = value();
      if (!url?.startsWith("postgres"))
        throw new Error(`--database-url needs a postgres:// URL, got ${url ?? "nothing"}`);
      args.databaseUrl = url;
    } else throw new Error(`unknown argument ${argv[i]}\nusage: ${USAGE}`);
  }
  return args;
}
