/** `freetobehome languages`: every shipped language with its review state, as a table and as JSON. */
import { describe, expect, it } from "vitest";
import { USER_LANGUAGES } from "../../../src/core/i18n/languages.ts";
import { runCliHere } from "../../support/cli-io.ts";

describe("freetobehome languages", () => {
  it("lists every shipped language, not the pseudo-language, with its review state", async () => {
    const { code, stdout } = await runCliHere(["languages"]);
    expect(code).toBe(0);
    for (const language of USER_LANGUAGES) expect(stdout).toContain(language.native);
    expect(stdout).not.toContain("qps-ploc");
    expect(stdout).toMatch(/^fa\s+Persian\s+فارسی\s+rtl\s+\d+\/\d+\s+no\s/m);
    expect(stdout).toMatch(/^en\s+English\s+English\s+ltr\s+(\d+)\/\1\s+yes/m);
  });

  it("gives scripts one JSON array", async () => {
    const { code, stdout } = await runCliHere(["languages", "--json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{
      tag: string;
      reviewed: boolean;
      translated: number;
      total: number;
    }>;
    expect(rows.map((r) => r.tag)).toEqual(["en", "es", "fr", "ar", "fa", "ru", "uk", "az", "zh-Hans"]);
    expect(rows.find((r) => r.tag === "en")).toMatchObject({ reviewed: true });
    for (const row of rows) expect(row.translated).toBeLessThanOrEqual(row.total);
  });

  it("refuses a word it does not take", async () => {
    const { code, stderr } = await runCliHere(["languages", "fa"]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/languages takes no arguments \(unexpected: "?fa"?\)/);
  });
});
