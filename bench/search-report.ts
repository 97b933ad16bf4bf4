/** The readable form of the search benchmark's results. */
import type { LatencyStats } from "./measure.ts";
import { QUERY_KINDS, type QueryKind } from "./queries.ts";
import type { SearchOutcome } from "../src/search/types.ts";

/** What the benchmark measured at one catalog size; kept beside the table that prints it, so that
 * search.ts and this file do not import each other. */
export interface SizeResult {
  profiles: number;
  names: number;
  buildMs: number;
  /** Heap held by the index: heap used after the build minus before it (the entries themselves excluded). */
  indexHeapMb: number;
  afterBuild: { rssMb: number; heapUsedMb: number };
  /** First-round latencies, plus `steady`: each query's median over the rounds. */
  search: LatencyStats & { steady: LatencyStats; byKind: Record<QueryKind, LatencyStats> };
  suggest: LatencyStats & { steady: LatencyStats };
  outcomes: Record<SearchOutcome["kind"], number>;
}

export interface SearchReport {
  node: string;
  cpus: number;
  loadAverage1m: number;
  rounds: number;
  gcExposed: boolean;
  searchQueries: number;
  suggestQueries: number;
  suggestLimit: number;
  results: SizeResult[];
}

const ms = (value: number) => value.toFixed(3);
const latency = (s: LatencyStats) => `${ms(s.p50Ms)} / ${ms(s.p99Ms)} / ${ms(s.maxMs)}`;

export function printTable(report: SearchReport): void {
  const lines = [
    `Name search benchmark: node ${report.node}, ${report.cpus} CPUs, load average ${report.loadAverage1m}; ` +
      `${report.searchQueries} search and ${report.suggestQueries} suggest queries (limit ${report.suggestLimit}) ` +
      `per size, ${report.rounds} rounds; gc ${report.gcExposed ? "forced before memory readings" : "not available"}`,
    "Latency p50 / p99 / max in ms: first round as a caller sees it; steady = each query's median over the rounds.",
    "",
    table(
      ["profiles", "names", "build ms", "index heap MB", "rss MB", "heap MB"],
      report.results.map((r) => [
        String(r.profiles),
        String(r.names),
        r.buildMs.toFixed(0),
        r.indexHeapMb.toFixed(1),
        r.afterBuild.rssMb.toFixed(1),
        r.afterBuild.heapUsedMb.toFixed(1),
      ]),
    ),
    "",
    table(
      ["profiles", "search", "search steady", "suggest", "suggest steady"],
      report.results.map((r) => [
        String(r.profiles),
        latency(r.search),
        latency(r.search.steady),
        latency(r.suggest),
        latency(r.suggest.steady),
      ]),
    ),
    "",
    "Search p99 ms by query kind (first round), and outcomes",
    table(
      ["profiles", ...QUERY_KINDS, "found", "several", "did-you-mean", "none"],
      report.results.map((r) => [
        String(r.profiles),
        ...QUERY_KINDS.map((kind) => ms(r.search.byKind[kind].p99Ms)),
        ...(["found", "several", "did-you-mean", "none"] as const).map((k) => String(r.outcomes[k])),
      ]),
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
