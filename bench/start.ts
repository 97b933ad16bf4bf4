/**
 * `npm run bench:start [-- --database-url postgres://…] [--load] [--json] [--runs N]`
 *
 * How fast and light the bot is to start, as an operator meets it (issue 22), each step in a process of
 * its own through `bin/freetobehome.js`:
 * - `freetobehome --help` against `node -e 0` (the median of N runs each: the ratio is the figure);
 * - the first start (`npm start` with no platform token: the console chat) on an empty data folder
 *   until it answers `/today` (creating the embedded database, migrating, loading the sample), its
 *   progress lines, and its memory after idling 5 s;
 * - a second start on the same folder;
 * - `freetobehome profiles list` on that existing embedded database: time and peak memory;
 * - an import of 2,000 generated profiles into a fresh embedded database, and with --database-url into
 *   a fresh database on that server.
 * `--load` keeps every core busy meanwhile (bench/busy-load.ts). Prints a table, or JSON with --json.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchDatabase } from "./bench-database.ts";
import { startBusyLoad } from "./busy-load.ts";
import { runChild } from "./catalog-child.ts";
import { writeCatalogFolder } from "./catalog-files.ts";
import { startBot } from "./start-bot.ts";

const BIN = fileURLToPath(new URL("../bin/freetobehome.js", import.meta.url));
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const runs = Number(option("--runs") ?? 5);
const serverUrl = option("--database-url");
const asJson = process.argv.includes("--json");
const say = (line: string) => process.stderr.write(`${line}\n`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function medianSeconds(args: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await runChild(args, {})).seconds);
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), "ftbh-bench-start-"));
const load = process.argv.includes("--load") ? startBusyLoad() : undefined;
try {
  say("node -e 0 and --help...");
  const node = await medianSeconds(["-e", "0"]);
  const help = await medianSeconds([BIN, "--help"]);
  say("first start on an empty data folder...");
  const dataDir = join(work, "data");
  const first = await startBot(BIN, { DATA_DIR: dataDir }, 5_000);
  say("second start...");
  const second = await startBot(BIN, { DATA_DIR: dataDir }, 5_000);
  say("profiles list...");
  const list = await runChild([BIN, "profiles", "list"], { DATA_DIR: dataDir });
  say("generating and importing 2,000 profiles...");
  const folder = join(work, "catalog");
  writeCatalogFolder(folder, { profiles: 2_000, seed: 7 });
  const pglite = await runChild([BIN, "import", folder], { DATA_DIR: join(work, "import-data") });
  const server = serverUrl ? await importIntoServer(serverUrl, folder) : undefined;
  const report = {
    machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Number(l.toFixed(2))), load: !!load },
    nodeSeconds: node,
    helpSeconds: help,
    helpRatio: help / node,
    firstStart: first,
    secondStart: second,
    profilesList: { seconds: list.seconds, peakRssMb: list.peakRssMb },
    import2000: {
      pglite: { seconds: pglite.seconds, peakRssMb: pglite.peakRssMb },
      ...(server ? { postgres: { seconds: server.seconds, peakRssMb: server.peakRssMb } } : {}),
    },
  };
  if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
} finally {
  await load?.stop();
  rmSync(work, { recursive: true, force: true });
}

function printTable(r: {
  machine: { cpus: number; loadAverage: number[]; load: boolean };
  nodeSeconds: number;
  helpSeconds: number;
  helpRatio: number;
  firstStart: Awaited<ReturnType<typeof startBot>>;
  secondStart: Awaited<ReturnType<typeof startBot>>;
  profilesList: { seconds: number; peakRssMb: number };
  import2000: Record<string, { seconds: number; peakRssMb: number }>;
}): void {
  const s = (n: number) => `${n.toFixed(2)} s`;
  const mb = (n: number) => `${Math.round(n)} MB`;
  const rows: [string, string, string][] = [
    ["`node -e 0` (median)", s(r.nodeSeconds), ""],
    ["`freetobehome --help` (median)", `${s(r.helpSeconds)} (${r.helpRatio.toFixed(1)}x node)`, ""],
    ["first start, empty data folder to /today", s(r.firstStart.readySeconds), mb(r.firstStart.peakRssMb)],
    ["  idle 5 s after (RSS)", "", mb(r.firstStart.idleRssMb)],
    ["second start to /today", s(r.secondStart.readySeconds), mb(r.secondStart.peakRssMb)],
    ["  idle 5 s after (RSS)", "", mb(r.secondStart.idleRssMb)],
    ["`profiles list`, existing embedded database", s(r.profilesList.seconds), mb(r.profilesList.peakRssMb)],
    ...Object.entries(r.import2000).map(
      ([db, step]) =>
        [`import of 2,000 profiles (${db})`, s(step.seconds), mb(step.peakRssMb)] as [string, string, string],
    ),
  ];
  const load = r.machine.load ? ", --load" : "";
  console.log(`Start benchmark: ${r.machine.cpus} CPUs, load ${r.machine.loadAverage.join(" ")}${load}`);
  console.log(`${"step".padEnd(48)}${"time".padStart(22)}${"peak RSS".padStart(10)}`);
  for (const [step, time, memory] of rows)
    console.log(`${step.padEnd(48)}${time.padStart(22)}${memory.padStart(10)}`);
  console.log("first start's progress lines:");
  for (const line of r.firstStart.progress) console.log(`  ${line}`);
}

/** The import into a fresh database on the server, dropped afterwards. */
async function importIntoServer(url: string, folder: string) {
  const database = await benchDatabase(url, work, "start");
  try {
    return await runChild([BIN, "import", folder], database.env);
  } finally {
    await database.drop();
  }
}
