/**
 * `npm run bench:search [-- --json] [-- --sizes=1000,10000]`: builds the name index over synthetic
 * campaigns of 1,000, 10,000 and 50,000 profiles and measures build time, memory and the latency of
 * `search` and `suggest` over a realistic query mix. It prints what it measured; it asserts nothing.
 * With --json, stdout holds exactly one JSON object and progress goes to stderr.
 */
import { cpus, loadavg } from "node:os";
import { buildNameIndex } from "../src/search/name-index.ts";
import type { NameIndex } from "../src/search/types.ts";
import {
  gcAvailable,
  type LatencyStats,
  latencyStats,
  medians,
  memorySnapshot,
  timeEach,
  timeOnce,
} from "./measure.ts";
import { QUERY_KINDS, type QueryKind, searchQueries, suggestQueries } from "./queries.ts";
import { createRandom } from "./random.ts";
import { printTable, type SizeResult } from "./search-report.ts";
import { syntheticCampaign } from "./synthetic-names.ts";

const CAMPAIGN_SEED = 2016;
const QUERY_SEED = 1210;
const SEARCH_QUERIES = 3000;
const SUGGEST_QUERIES = 3000;
const WARMUP_QUERIES = 500;
const SUGGEST_LIMIT = 25;
const ROUNDS = 3;

function measureSize(size: number): SizeResult {
  const profiles = syntheticCampaign(size, CAMPAIGN_SEED);
  const random = createRandom(QUERY_SEED);
  const queries = searchQueries(profiles, SEARCH_QUERIES, random);
  const prefixes = suggestQueries(profiles, SUGGEST_QUERIES, random);
  const before = memorySnapshot();
  let index: NameIndex | undefined;
  const buildMs = timeOnce(() => {
    index = buildNameIndex(profiles);
  });
  const built = index!;
  const afterBuild = memorySnapshot();

  // Let the JIT settle on the hot paths before the timed runs.
  for (const q of queries.slice(0, WARMUP_QUERIES)) built.search(q.text);
  for (const p of prefixes.slice(0, WARMUP_QUERIES)) built.suggest(p, SUGGEST_LIMIT);

  const outcomes: SizeResult["outcomes"] = { found: 0, several: 0, "did-you-mean": 0, none: 0 };
  for (const q of queries) outcomes[built.search(q.text).kind]++;
  // Several rounds: the first is what a caller sees, pauses included; the per-query median across rounds
  // is the cost of the work itself, separated from collector pauses and other processes on the machine.
  const searchRounds = Array.from({ length: ROUNDS }, () => timeEach(queries, (q) => built.search(q.text)));
  const suggestRounds = Array.from({ length: ROUNDS }, () =>
    timeEach(prefixes, (p) => built.suggest(p, SUGGEST_LIMIT)),
  );
  const searchMs = searchRounds[0]!;
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((kind) => [kind, latencyStats(searchMs.filter((_, i) => queries[i]!.kind === kind))]),
  ) as Record<QueryKind, LatencyStats>;

  return {
    profiles: built.size,
    names: profiles.reduce((sum, p) => sum + p.names.length, 0),
    buildMs,
    indexHeapMb: Math.round((afterBuild.heapUsedMb - before.heapUsedMb) * 10) / 10,
    afterBuild,
    search: { ...latencyStats(searchMs), steady: latencyStats(medians(searchRounds)), byKind },
    suggest: { ...latencyStats(suggestRounds[0]!), steady: latencyStats(medians(suggestRounds)) },
    outcomes,
  };
}

function parseSizes(args: readonly string[]): number[] {
  const flag = args.find((a) => a.startsWith("--sizes="));
  if (flag === undefined) return [1_000, 10_000, 50_000];
  return flag
    .slice("--sizes=".length)
    .split(",")
    .map((n) => Number.parseInt(n, 10))
    .filter((n) => Number.isInteger(n) && n > 0);
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const results: SizeResult[] = [];
  for (const size of parseSizes(args)) {
    process.stderr.write(`bench:search building and querying ${size} profiles…\n`);
    results.push(measureSize(size));
  }
  const report = {
    node: process.version,
    cpus: cpus().length,
    /** Other processes share the machine: read p99 against the load it had. */
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    rounds: ROUNDS,
    gcExposed: gcAvailable,
    searchQueries: SEARCH_QUERIES,
    suggestQueries: SUGGEST_QUERIES,
    suggestLimit: SUGGEST_LIMIT,
    results,
  };
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printTable(report);
}

main();
