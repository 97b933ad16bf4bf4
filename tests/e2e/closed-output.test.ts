/**
 * A reader that stops reading (`freetobehome --help | head -3`) is not a failure: the command finishes
 * quietly with its own exit code, with no stack trace about a broken pipe.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/freetobehome.js", import.meta.url));

it("exits 0 without a word on stderr when its output is closed after the first lines", async () => {
  const child = spawn(process.execPath, [BIN, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // Read one chunk, then close the pipe as `head` does.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
}, 60_000);
