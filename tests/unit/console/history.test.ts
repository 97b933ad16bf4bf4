/** The console history file: bounded, oldest line first, owner-only, read back newest first. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HISTORY_SIZE, historySaver, loadHistory } from "../../../platforms/console/wiring-history.ts";

const dir = mkdtempSync(join(tmpdir(), "ftbh-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the console history", () => {
  it("keeps the newest lines up to its size, oldest first in the file", () => {
    const file = join(dir, "bounded");
    const typed = Array.from({ length: HISTORY_SIZE + 100 }, (_, i) => `/prisoner ${i}`);
    historySaver(file, () => {})([...typed].reverse());
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(HISTORY_SIZE);
    expect(lines[0]).toBe("/prisoner 100");
    expect(lines.at(-1)).toBe(`/prisoner ${HISTORY_SIZE + 99}`);
    expect(loadHistory(file, () => {})[0]).toBe(`/prisoner ${HISTORY_SIZE + 99}`);
  });

  it("replaces a file others could read with one only its owner can", () => {
    const file = join(dir, "open");
    writeFileSync(file, "/today\n", { mode: 0o644 });
    historySaver(file, () => {})(["/help", "/today"]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe("/today\n/help\n");
  });

  it("starts empty without a file, and reads only lines with text", () => {
    const warnings: string[] = [];
    expect(loadHistory(join(dir, "none"), (m) => warnings.push(m))).toEqual([]);
    const file = join(dir, "blank-lines");
    writeFileSync(file, "/a\n\n  \n/b\n");
    expect(loadHistory(file, (m) => warnings.push(m))).toEqual(["/b", "/a"]);
    expect(warnings).toEqual([]);
  });
});
