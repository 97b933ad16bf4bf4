/**
 * The quick road through YAML (src/catalog/yaml-fast.ts) reads what the precise road reads, builds line
 * lookups only when a problem asks, and leaves every file it cannot read the same way to the precise road.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { exportBundle } from "../../../src/catalog/export-bundle.ts";
import { parseFile } from "../../../src/catalog/parse-file.ts";
import { quickYamlDocuments } from "../../../src/catalog/yaml-fast.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));
const shipped = [
  join(DATA, "campaign.yaml"),
  ...readdirSync(join(DATA, "profiles")).map((f) => join(DATA, "profiles", f)),
];
const never = () => {
  throw new Error("line lookups were built without a problem asking");
};

describe("the quick YAML road", () => {
  it("reads every shipped file to the values the precise road reads, without building line lookups", () => {
    for (const path of shipped) {
      const text = readFileSync(path, "utf8");
      const quick = quickYamlDocuments(text, never);
      expect(quick, path).toBeDefined();
      expect(
        quick!.map((d) => d.value),
        path,
      ).toEqual(parseAllDocuments(text).map((d) => d.toJS()));
    }
  });

  it("reads an export's tricky words back as they were, by both roads", () => {
    const words = [
      "yes",
      "on",
      "null",
      "~",
      "0o14",
      "1e3",
      ".inf",
      "1_000",
      "2016-01-01",
      " lead",
      "x: y",
      "#c",
    ];
    const more = [
      "line1\nline2",
      "\u2068Ilqar\u2069",
      "",
      "-",
      "<<",
      "@x",
      "`x",
      "\u0085",
      "tab\there",
      "end ",
    ];
    const profile = Object.fromEntries([...words, ...more].map((w, i) => [`k${i}`, w]));
    const text = exportBundle({ campaigns: [], profiles: [profile as never] }, "yaml");
    const precise = parseAllDocuments(text).map((d) => d.toJS());
    const quick = quickYamlDocuments(text, never)!.map((d) => d.value);
    expect(precise[1]).toEqual(profile);
    expect(quick).toEqual(precise);
  });

  it("finds the line of a field when a problem asks, counting from the chunk's first line", () => {
    const text = "id: a\nname: x\n---\nid: b\ndetentions:\n  - status: held\n";
    let built = 0;
    const parsed = parseFile("f.yaml", text, "yaml");
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[1]!.lineAt(["detentions", 0, "status"])).toBe(6);
    expect(parsed.documents[0]!.lineAt(["name"])).toBe(2);
    const quick = quickYamlDocuments(text, () => {
      built++;
      return [() => 1, () => 2];
    });
    expect(built).toBe(0);
    quick![1]!.lineAt([]);
    quick![0]!.lineAt([]);
    expect(built).toBe(1);
  });

  it("leaves syntax errors, anchors, duplicate keys and empty or null documents to the precise road", () => {
    for (const text of [
      "id: a\n  bad: indent\n",
      "base: &b {x: 1}\nother: *b\n",
      "id: a\nid: b\n",
      "---\n---\nid: a\n",
      "id: a\n---\n~\n",
      "list: [1, 2\n",
    ]) {
      expect(quickYamlDocuments(text, never), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("keeps the precise road's words and lines for what it refuses", () => {
    const duplicate = parseFile("f.yaml", "id: a\nid: b\n", "yaml");
    expect(duplicate.problems).toEqual([
      expect.objectContaining({
        file: "f.yaml",
        line: 2,
        message: expect.stringMatching(/^YAML syntax error: /),
      }),
    ]);
    const bomb = `a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(parseFile("bomb.yaml", bomb, "yaml").problems[0]?.message).toMatch(
      /cannot read this YAML document/,
    );
  });
});
