/** The catalog benchmark's figures, as a table for a person or as JSON for a script. */
import { cpus, loadavg } from "node:os";
import type { LatencyStats } from "./measure.ts";

interface Step {
  seconds: number;
  peakRssMb: number;
}

/** The two import steps: into a new database, then again with 1% of profiles edited. */
export interface ImportSteps {
  database: "pglite" | "postgres";
  profiles: number;
  generateSeconds: number;
  import: Step;
  reimport: Step & { created: number; changed: number; unchanged: number };
}

export interface CatalogReport extends ImportSteps {
  subscriptions: number;
  exportBytes: number;
  export: Step;
  /** Opening the app as `start` does and loading the catalog (the name index) for the first lookup. */
  start: { seconds: number; rssMb: number; peakRssMb: number };
  lookup: LatencyStats;
  suggest: LatencyStats;
  indexSearch: LatencyStats;
  /** The catalog-version query each lookup makes (what keeps a takedown in any process seen at once). */
  versionCheck: LatencyStats;
  /** Where the ready bot's memory goes, after a full collection: the app, the catalog snapshot, WASM/buffers. */
  memory: {
    appHeapMb: number;
    catalogHeapMb: number;
    externalMb: number;
    arrayBuffersMb: number;
    settledRssMb: number;
  };
  /** With a database server, the start and lookups again with CATALOG_RECORDS=store (heads alone kept). */
  recordsInStore?: Pick<CatalogReport, "start" | "lookup" | "memory">;
}

const s = (n: number) => `${n.toFixed(1)} s`;
const mb = (n: number) => `${Math.round(n)} MB`;
const ms = (n: number) => `${n.toFixed(3)} ms`;

const machineNow = () => ({ cpus: cpus().length, load: loadavg().map((l) => Number(l.toFixed(2))) });

function importRows(r: ImportSteps): [string, string, string][] {
  return [
    ["import (new database)", s(r.import.seconds), mb(r.import.peakRssMb)],
    [
      `re-import, 1% edited (${r.reimport.changed} changed, ${r.reimport.unchanged} unchanged)`,
      s(r.reimport.seconds),
      mb(r.reimport.peakRssMb),
    ],
  ];
}

function table(r: ImportSteps, rows: [string, string, string][]): string[] {
  const machine = machineNow();
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `Catalog benchmark: ${r.profiles} profiles on ${r.database} (generated in ${s(r.generateSeconds)}); ` +
      `${machine.cpus} CPUs, load ${machine.load.join(" ")}`,
    `${"step".padEnd(width)}  ${"time".padStart(21)}  peak RSS`,
    ...rows.map(([label, time, rss]) => `${label.padEnd(width)}  ${time.padStart(21)}  ${rss.padStart(8)}`),
  ];
}

/** `--imports-only`: the import steps' figures alone. */
export function printImportReport(report: ImportSteps, asJson: boolean): void {
  const out = asJson
    ? JSON.stringify({ ...report, machine: machineNow() }, null, 2)
    : table(report, importRows(report)).join("\n");
  process.stdout.write(`${out}\n`);
}

/** The rows of the second start, with CATALOG_RECORDS=store. */
function storeRows(inStore: CatalogReport["recordsInStore"]): [string, string, string][] {
  if (!inStore) return [];
  return [
    [
      `CATALOG_RECORDS=store: start to ready (RSS when ready ${mb(inStore.start.rssMb)}; catalog heap ${mb(inStore.memory.catalogHeapMb)})`,
      s(inStore.start.seconds),
      mb(inStore.start.peakRssMb),
    ],
    [
      `CATALOG_RECORDS=store: /prisoner lookup p50 / p99`,
      `${ms(inStore.lookup.p50Ms)} / ${ms(inStore.lookup.p99Ms)}`,
      "",
    ],
  ];
}

export function printReport(report: CatalogReport, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ ...report, machine: machineNow() }, null, 2)}\n`);
    return;
  }
  const r = report;
  const rows: [string, string, string][] = [
    ...importRows(r),
    [`export (${mb(r.exportBytes / 1024 / 1024)} YAML)`, s(r.export.seconds), mb(r.export.peakRssMb)],
    [
      `start to ready, ${r.subscriptions} subscriptions (RSS when ready ${mb(r.start.rssMb)})`,
      s(r.start.seconds),
      mb(r.start.peakRssMb),
    ],
    [`/prisoner lookup p50 / p99 (${r.lookup.count})`, `${ms(r.lookup.p50Ms)} / ${ms(r.lookup.p99Ms)}`, ""],
    [`  of which name index p50 / p99`, `${ms(r.indexSearch.p50Ms)} / ${ms(r.indexSearch.p99Ms)}`, ""],
    [
      `  of which catalog version check p50 / p99`,
      `${ms(r.versionCheck.p50Ms)} / ${ms(r.versionCheck.p99Ms)}`,
      "",
    ],
    [`autocomplete p50 / p99 (${r.suggest.count})`, `${ms(r.suggest.p50Ms)} / ${ms(r.suggest.p99Ms)}`, ""],
    ...storeRows(r.recordsInStore),
  ];
  const out = table(r, rows);
  const m = r.memory;
  out.push(
    `Ready bot after a full GC: RSS ${mb(m.settledRssMb)}; heap ${mb(m.appHeapMb)} for the app and ` +
      `${mb(m.catalogHeapMb)} for the catalog snapshot; external ${mb(m.externalMb)} ` +
      `(the database's WASM memory and buffers; array buffers ${mb(m.arrayBuffersMb)})`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}
