/**
 * `freetobehome console` on a real terminal (a pseudo-terminal made by util-linux `script`): Tab completes,
 * the history is kept in the data folder for the next run (owner-only), colours show unless NO_COLOR is
 * set, Ctrl-C at an empty prompt ends it; and a piped run writes no history and no escape codes.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, recordScreen } from "../unit/console/fake-terminal.ts";
import { unpackTemplateInto } from "../support/test-database.ts";
import { runCli } from "./cli.ts";

const BIN = fileURLToPath(new URL("../../bin/freetobehome.js", import.meta.url));
const SCRIPT = "/usr/bin/script";
const SGR = /\u001b\[[0-9;]*m/;

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-tty-"));
  env = { DATA_DIR: join(dir, "data") };
  // Migrated, never used databases (the console seeds the sample): creating one is not the point here.
  unpackTemplateInto(env.DATA_DIR!);
  unpackTemplateInto(join(dir, "piped"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The console in a pseudo-terminal of 80 columns by 30 rows; keys go in, the screen comes out. */
function consoleOnTerminal(extraEnv: Record<string, string> = {}) {
  const command = `stty cols 80 rows 30; exec '${process.execPath}' '${BIN}' console`;
  const child = spawn(SCRIPT, ["-qfec", command, "/dev/null"], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, TERM: "xterm", LOG_LEVEL: "warn", ...env, ...extraEnv },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { ...recordScreen(child.stdout), type: (keys: string) => child.stdin.write(keys), exited };
}

describe.skipIf(process.platform !== "linux" || !existsSync(SCRIPT))("the console on a terminal", () => {
  it("completes with Tab, colours, and keeps the history for the next run", async () => {
    const first = consoleOnTerminal();
    const greeting = await first.until(/> $/);
    let at = first.mark();
    first.type(`/pri${KEY.tab}`);
    await first.until(/\/prisoner $/, at);
    at = first.mark();
    first.type(`mamm${KEY.tab}`);
    await first.until(/\/prisoner Ilgar Mammadov$/, at);
    at = first.mark();
    first.type(KEY.enter);
    const card = await first.until(/Share this story: \/share ilgar-mammadov\n> $/, at);
    first.type(KEY.ctrlD);
    expect(await first.exited).toBe(0);

    expect(greeting).toContain("Tab completes commands and names.");
    expect(card.split("\n")[1]).toBe("Ilgar Mammadov · Azerbaijan · İlqar Məmmədov");
    expect(card.split("\n").filter((row) => row.length > 80 && !/https?:\/\//.test(row))).toEqual([]);
    expect(first.raw()).toMatch(SGR);
    const history = join(env.DATA_DIR!, "console_history");
    expect(readFileSync(history, "utf8")).toBe("/prisoner Ilgar Mammadov\n");
    expect(statSync(history).mode & 0o777).toBe(0o600);

    const second = consoleOnTerminal({ NO_COLOR: "1" });
    await second.until(/> $/);
    at = second.mark();
    second.type(KEY.up);
    await second.until(/> \/prisoner Ilgar Mammadov$/, at);
    second.type(KEY.enter);
    await second.until(/Share this story: \/share ilgar-mammadov\n> $/, at);
    // Ctrl-C at an empty prompt ends the chat (the terminal is in raw mode: it is a key, not a signal).
    second.type(KEY.ctrlC);
    expect(await second.exited).toBe(0);
    expect(second.raw()).not.toMatch(SGR);
  }, 120_000);
});

describe("the console reading a pipe", () => {
  it("writes no history and no escape codes", async () => {
    const piped = { DATA_DIR: join(dir, "piped") };
    const result = await runCli(["console"], { env: piped, input: "/prisoner Mammadov\n/help\n" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Ilgar Mammadov");
    expect(result.stdout).not.toContain("\u001b");
    expect(existsSync(join(piped.DATA_DIR, "console_history"))).toBe(false);
  }, 60_000);
});
