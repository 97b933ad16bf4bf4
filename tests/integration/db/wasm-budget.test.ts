/**
 * The test workers run PGlite with the WebAssembly tier-up budget the bot sets for itself
 * (vitest.config.ts passes it to them), so the two cannot drift apart.
 */
import { expect, it } from "vitest";
import { WASM_TIERING_BUDGET } from "../../../db/pglite-open.ts";

it("runs the test workers with the app's WebAssembly tier-up budget", () => {
  expect(process.execArgv).toContain(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
});
