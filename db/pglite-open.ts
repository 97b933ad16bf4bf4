/**
 * Opening PGlite itself (Postgres compiled to WebAssembly) on a data folder: the settings sized for the
 * bot's small database, and the restore from the template on first start. Shared by the embedded database
 * on the caller's thread (pglite-client.ts) and by the one on a worker thread (pglite-worker.ts).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";
import { pgliteTemplatePath, restorePgliteTemplate } from "./pglite-template.ts";

/** Opens (or creates) the PGlite database in `dataDir`. */
export async function openPgliteClient(dataDir: string): Promise<PGlite> {
  await mkdir(dataDir, { recursive: true });
  // A folder without PG_VERSION holds no database yet: restored from the template when there is one.
  const restore = existsSync(join(dataDir, "PG_VERSION"))
    ? {}
    : await restorePgliteTemplate(dataDir, pgliteTemplatePath());
  // Before PGlite compiles Postgres: V8 reads the budget when it compiles a WebAssembly module.
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  return PGlite.create({ dataDir, startParams: PGLITE_START, ...restore });
}

/**
 * PGlite's own start, with Postgres's shared buffers cut from its default 128 MB to 16 MB: they live in
 * the WebAssembly heap and are touched on start, so they are resident from the first moment. The bot's
 * database is small (a catalog of thousands of profiles, a ledger row per post), and the operating
 * system's file cache still holds what the buffers do not. Measured on a one-off command: peak RSS
 * 322 MB → 195 MB (64 MB: 253, 32 MB: 218, 8 MB: 191).
 */
export const PGLITE_START = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * How much code a WebAssembly function runs (roughly, in bytes of its code) before V8 recompiles it with
 * its optimising compiler, TurboFan; V8's own default is 1,800,000 (Node 20). PGlite's Postgres is a 9 MB
 * module, and at that default Postgres's own start already spends the budget of about 80 functions (an
 * import of 2,000 profiles, 620): each is compiled again on a background thread, some in 10-37 MB of
 * compiler memory each, which the C library keeps in its thread arenas afterwards. The bot and a
 * one-off command then carry that memory and wait for that CPU: measured on the development machine,
 * `profiles list` 0.81 s and 262 MB peak → 0.63 s and 173 MB, the idle bot 234 → 170 MB, an import's CPU
 * time a quarter less. At 1,000,000,000 the first start's load of the ten-profile sample campaign still
 * recompiled functions: 40 MB of compiler memory left in two thread arenas, the idle bot at 208-221 MB after
 * a first start against 161 MB after any later one. At V8's largest value (2^31 - 1) nothing is recompiled
 * while Postgres starts, a short command runs or the sample loads (idle after a first start 170 MB), an
 * import of 2,000 profiles takes the same CPU time (6.9 s both ways, measured alternately), and what stays
 * hot in a long run still is (9 functions recompiled in that import). V8's flags are the process's, so a
 * worker thread setting it sets it for the whole process.
 */
export const WASM_TIERING_BUDGET = 2_147_483_647;
