/**
 * A real first start of the embedded database, in this process: createApp tells each step (creating the
 * database, migrating, loading the sample), and a command shows them: status lines on a terminal, one
 * summary line when piped (at the default LOG_LEVEL; LOG_LEVEL=warn silences it), nothing when there was
 * nothing to do.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp, type StartupStep } from "../../../src/app.ts";
import { withApp } from "../../../src/cli/with-app.ts";
import { type Config, loadConfig } from "../../../src/config.ts";
import { MIGRATIONS_FOLDER } from "../../../db/migrate.ts";
import { pgliteTemplatePath } from "../../../db/pglite-template.ts";
import { captureIo, settled } from "../../fakes/captured-io.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";

let dir: string;
let config: (level: string) => Config;
const MIGRATIONS = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).length;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-first-start-"));
  config = (level) => loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: level });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the app as a command does, with `io`, and returns what it wrote to stderr. */
async function openAs(level: string, terminal: boolean, seedSample: boolean) {
  const io = captureIo(dir, terminal);
  await withApp(config(level), async () => undefined, { seedSample, logger: createMemoryLogger() }, io);
  await settled();
  expect(io.out()).toBe("");
  return io.err();
}

it("sums up a first start in one line when piped, then says only what there is to say", async () => {
  const dataDir = join(dir, "data");
  // At the default LOG_LEVEL, piped: the database created (and migrated, unless it was restored from the
  // template `npm install` made, which holds every migration), in one line.
  const migrated = pgliteTemplatePath() ? "" : `, applied ${MIGRATIONS} database migrations`;
  expect(await openAs("info", false, false)).toMatch(
    new RegExp(`^freetobehome: created the embedded database in ${dataDir}${migrated} in \\d+\\.\\d s\\n$`),
  );
  // LOG_LEVEL=warn silences it: the sample is loaded and nothing is said.
  expect(await openAs("warn", false, true)).toBe("");
  // On a terminal: the steps on one status line, erased; nothing left to sum up.
  expect(await openAs("info", true, true)).toBe(
    `\rOpening the embedded database in ${dataDir}...\x1b[K\rApplying database migrations...\x1b[K\r\x1b[K`,
  );
  // Piped again, nothing to do: nothing said.
  expect(await openAs("info", false, true)).toBe("");

  // What createApp tells on a later start: no database created, no migration applied.
  const steps: StartupStep[] = [];
  const app = await createApp(config("warn"), {
    logger: createMemoryLogger(),
    seedSample: true,
    onProgress: (s) => steps.push(s),
  });
  await app.close();
  expect(steps).toEqual([
    { step: "opening", database: "embedded", dataDir, creating: false },
    { step: "migrating" },
    { step: "migrated", applied: 0 },
  ]);
}, 120_000);

it("opens the embedded database again after loading the sample, and the bot reads and releases it", async () => {
  const dataDir = join(dir, "reopened");
  const reopened = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const steps: StartupStep[] = [];
  const app = await createApp(reopened, {
    logger: createMemoryLogger(),
    seedSample: true,
    databaseThread: true,
    onProgress: (s) => steps.push(s),
  });
  try {
    expect(steps.at(-1)).toMatchObject({ step: "sample-loaded", profiles: 10 });
    // The database the bot goes on with is the one opened again: it answers, and holds the sample.
    expect(await app.repositories.catalog.listProfiles()).toHaveLength(10);
    expect(app.lock).toBeDefined();
  } finally {
    await app.close();
  }
  // Closing it released the folder's lock: the next start opens it (a held lock would throw).
  const again = await createApp(reopened, { logger: createMemoryLogger(), seedSample: true });
  expect(await again.repositories.catalog.listProfiles()).toHaveLength(10);
  await again.close();
}, 120_000);
