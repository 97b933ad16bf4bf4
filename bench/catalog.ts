/**
 * `npm run bench:catalog [-- --profiles N] [--database-url postgres://…] [--json] [--seed N] [--keep]
 *   [--imports-only]`
 *
 * The catalog at scale (issue 20): generates a deterministic catalog (50,000 profiles by default) as a
 * curator's folder, then runs, each as its own process the way an operator would: `import`, a re-import
 * with 1% of profiles edited, `export`, and the bot's start (app open and catalog loaded) with 10,000
 * subscriptions, then /prisoner and autocomplete lookups in process. Prints time and peak resident memory
 * of each step, as a table or as JSON. PGlite in a temporary folder by default; with --database-url, a
 * fresh database made on that server and dropped at the end, and the start and lookups measured twice:
 * records kept in memory (the default), then CATALOG_RECORDS=store (heads alone kept). `--imports-only`
 * stops after the re-import (the two import steps' figures alone, for work on the importer).
 */
import { benchDatabase } from "./bench-database.ts";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./catalog-child.ts";
import { onePercent, writeCatalogFolder } from "./catalog-files.ts";
import { type CatalogReport, type ImportSteps, printImportReport, printReport } from "./catalog-report.ts";

const BIN = fileURLToPath(new URL("../bin/freetobehome.js", import.meta.url));
const BOT = fileURLToPath(new URL("./catalog-bot.ts", import.meta.url));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}
const profiles = Number(option("--profiles") ?? 50_000);
const seed = Number(option("--seed") ?? 7);
const subscriptionCount = Number(option("--subscriptions") ?? 10_000);
const serverUrl = option("--database-url");
const asJson = process.argv.includes("--json");
const keep = process.argv.includes("--keep");
const importsOnly = process.argv.includes("--imports-only");
const say = (line: string) => process.stderr.write(`${line}\n`);

const work = mkdtempSync(join(tmpdir(), "ftbh-bench-catalog-"));
const folder = join(work, "catalog");
const database = await benchDatabase(serverUrl, work, "catalog");
const cli = (...args: string[]) => runChild([BIN, ...args], database.env);
try {
  say(`Generating ${profiles} profiles in ${folder}...`);
  const started = performance.now();
  writeCatalogFolder(folder, { profiles, seed });
  const generateSeconds = (performance.now() - started) / 1000;
  await cli("migrate");

  say("Importing...");
  const imported = await cli("import", folder);
  say(imported.stdout.trim());

  say("Re-importing with 1% edited...");
  writeCatalogFolder(folder, { profiles, seed, changed: onePercent(profiles) });
  const reimported = await cli("import", folder);
  const changed = /profiles: +(\d+) new, (\d+) changed, (\d+) unchanged/.exec(reimported.stdout);
  const importSteps: ImportSteps = {
    database: serverUrl ? "postgres" : "pglite",
    profiles,
    generateSeconds,
    import: { seconds: imported.seconds, peakRssMb: imported.peakRssMb },
    reimport: {
      seconds: reimported.seconds,
      peakRssMb: reimported.peakRssMb,
      created: Number(changed?.[1]),
      changed: Number(changed?.[2]),
      unchanged: Number(changed?.[3]),
    },
  };
  if (importsOnly) printImportReport(importSteps, asJson);
  else printReport({ ...importSteps, ...(await laterSteps()) }, asJson);
} finally {
  await database.drop();
  if (!keep) rmSync(work, { recursive: true, force: true });
  else say(`Kept ${work}`);
}

/** The steps after the imports: export, then the bot's start with subscriptions, and lookups. */
async function laterSteps(): Promise<Omit<CatalogReport, keyof ImportSteps>> {
  say("Exporting...");
  const exportFile = join(work, "export.yaml");
  const exported = await cli("export", "--out", exportFile);

  say(`Seeding ${subscriptionCount} subscriptions, then starting the bot...`);
  await runChild(
    ["--import", "tsx", BOT, "seed", String(profiles), String(seed), String(subscriptionCount)],
    database.env,
  );
  const serve = async (records: "memory" | "store") => {
    const bot = await runChild(
      ["--expose-gc", "--import", "tsx", BOT, "serve", String(profiles), String(seed)],
      { ...database.env, CATALOG_RECORDS: records },
    );
    return { bot, served: JSON.parse(bot.stdout.trim().split("\n").at(-1)!) };
  };
  const { bot, served } = await serve("memory");
  // A database server may also keep heads alone (CATALOG_RECORDS=store): the same start, measured again.
  const inStore = serverUrl ? await serve("store") : undefined;

  return {
    subscriptions: subscriptionCount,
    exportBytes: statSync(exportFile).size,
    export: { seconds: exported.seconds, peakRssMb: exported.peakRssMb },
    start: { seconds: served.readyMs / 1000, rssMb: served.readyRssMb, peakRssMb: bot.peakRssMb },
    lookup: served.lookup,
    suggest: served.suggest,
    indexSearch: served.indexSearch,
    versionCheck: served.versionCheck,
    memory: served.memory,
    ...(inStore
      ? {
          recordsInStore: {
            start: {
              seconds: inStore.served.readyMs / 1000,
              rssMb: inStore.served.readyRssMb,
              peakRssMb: inStore.bot.peakRssMb,
            },
            lookup: inStore.served.lookup,
            memory: inStore.served.memory,
          },
        }
      : {}),
  };
}
