/**
 * `.env`, read with Node's own parser (util.parseEnv, as `node --env-file`): the environment wins over the
 * file, even with a variable set to ""; what the file adds fills in; a missing file is fine; a `.env`
 * that is there and cannot be read is a settings problem naming it, not a crash.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDotEnv } from "../../src/config.ts";
import { ConfigError } from "../../src/core/errors.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-dotenv-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readDotEnv", () => {
  it('fills in what the environment does not set; the environment wins, even when set to ""', () => {
    const path = file(
      "precedence.env",
      [
        "# settings for this machine",
        "DATA_DIR=./from-file",
        "HTTP_PORT=9090",
        "DISCORD_TOKEN=from-file",
        'export DEFAULT_TIMEZONE="Europe/Baku"',
        "STALE_AFTER_DAYS='30' # a comment after the value",
        "",
      ].join("\n"),
    );
    const env: NodeJS.ProcessEnv = { DATA_DIR: "/from/environment", DISCORD_TOKEN: "" };
    readDotEnv(path, env);
    expect(env).toEqual({
      DATA_DIR: "/from/environment",
      DISCORD_TOKEN: "",
      HTTP_PORT: "9090",
      DEFAULT_TIMEZONE: "Europe/Baku",
      STALE_AFTER_DAYS: "30",
    });
  });

  it("reads no file that is not there", () => {
    const env: NodeJS.ProcessEnv = { A: "1" };
    readDotEnv(join(dir, "missing.env"), env);
    expect(env).toEqual({ A: "1" });
  });

  it("refuses a .env it cannot read as a settings problem, naming the file", () => {
    const folder = join(dir, "folder.env");
    mkdirSync(folder);
    const read = () => readDotEnv(folder, {});
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`${folder} is there but could not be read (EISDIR); fix or remove it`);
  });

  it("takes names like constructor or __proto__ as variables, never as properties of the environment", () => {
    const path = file("names.env", "constructor=1\ntoString=2\n__proto__=3\n");
    const env: NodeJS.ProcessEnv = {};
    readDotEnv(path, env);
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(env.constructor).toBe("1");
    expect(env.toString).toBe("2");
  });
});
