/** The panel benchmark's pages and figures: p50, p95 and max per page, as a table or as JSON. */
import { cpus, loadavg } from "node:os";
import type { SeededPanel } from "./panel-seed.ts";

export interface PageFigures {
  name: string;
  path: string;
  bytes: number;
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface PanelReport {
  database: "pglite" | "postgres";
  profiles: number;
  subscriptions: number;
  deliveries: number;
  requests: number;
  pages: PageFigures[];
}

/** What issue 17 asks of every page: p95 within 100 ms. */
export const P95_BUDGET_MS = 100;

/** Each page the panel has, with the queries people use on the lists. */
const PAGES: ReadonlyArray<{ name: string; path: (s: SeededPanel) => string }> = [
  { name: "Today", path: () => "/today" },
  { name: "Today, page 100", path: () => "/today?page=100" },
  { name: "Profiles", path: () => "/profiles" },
  { name: "Profiles, name search", path: (s) => `/profiles?q=${q(s.query)}` },
  { name: "Profiles, filters", path: () => "/profiles?status=sentenced&stale=1" },
  { name: "Profile", path: (s) => `/profiles/${q(s.profileId)}` },
  { name: "Channels", path: () => "/channels" },
  { name: "Channels, search", path: () => "/channels?q=bench-99" },
  { name: "Deliveries", path: () => "/deliveries" },
  { name: "Deliveries, filtered", path: () => "/deliveries?state=sent&platform=console" },
  { name: "Spotlights, channels", path: () => "/spotlights" },
  { name: "Spotlights, channel", path: (s) => `/spotlights?channel=${q(s.channel)}&month=${s.month}` },
  { name: "Spotlights, community", path: (s) => `/spotlights?community=${q(s.community)}&month=${s.month}` },
  { name: "People", path: () => "/people" },
];
const q = encodeURIComponent;

export const PANEL_PAGE_NAMES: readonly string[] = PAGES.map((p) => p.name);

/** The pages named (every page by default), in the panel's order, with their paths for the seeded data. */
export function panelPages(
  s: SeededPanel,
  names: readonly string[] = PANEL_PAGE_NAMES,
): Array<{ name: string; path: string }> {
  return PAGES.filter((p) => names.includes(p.name)).map((p) => ({ name: p.name, path: p.path(s) }));
}

/** p50, p95 and max of the samples, in milliseconds. */
export function percentiles(samplesMs: readonly number[]): Omit<PageFigures, "name" | "path" | "bytes"> {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? 0 };
}

export function printPanelReport(report: PanelReport, asJson: boolean): void {
  const machine = { cpus: cpus().length, load: loadavg().map((l) => Number(l.toFixed(2))) };
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ ...report, machine, p95BudgetMs: P95_BUDGET_MS }, null, 2)}\n`);
    return;
  }
  const ms = (n: number) => n.toFixed(1).padStart(8);
  const width = Math.max(...report.pages.map((p) => p.name.length));
  const lines = [
    `Staff panel on ${report.database}: ${report.profiles} profiles, ${report.subscriptions} subscriptions, ${report.deliveries} posts; ${report.requests} requests a page`,
    `${"page".padEnd(width)}      p50      p95      max   KB`,
    ...report.pages.map(
      (p) =>
        `${p.name.padEnd(width)} ${ms(p.p50Ms)} ${ms(p.p95Ms)} ${ms(p.maxMs)} ${String(Math.round(p.bytes / 1024)).padStart(4)}${p.p95Ms > P95_BUDGET_MS ? "  over 100 ms" : ""}`,
    ),
    `machine: ${machine.cpus} CPUs, load ${machine.load.join(" ")}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
