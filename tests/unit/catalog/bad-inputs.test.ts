/**
 * Bad import files: each problem must name the file, the path inside it and the line to edit, and say
 * what is allowed, and one bad record must not hide the others' problems.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { DETENTION_STATUSES } from "../../../src/core/profile.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const campaignYaml = stringify(validCampaign());

/** A folder holding the test campaign and the given files; returns the folder and each file's full path. */
async function folderWith(files: Record<string, string>) {
  const dir = await tempFolder({ "campaign.yaml": campaignYaml, ...files });
  const full = (name: string) => path.join(dir, name);
  return { dir, full, read: () => readImportFiles([dir]) };
}

describe("readImportFiles on bad input", () => {
  it("reports a wrong status with file, path, line and the allowed values", async () => {
    const text = stringify(validProfile()).replace("status: sentenced", "status: jailed");
    const { full, read } = await folderWith({ "person.yaml": text });
    const { problems, profiles } = await read();
    expect(profiles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: full("person.yaml"),
      path: "detentions[0].status",
      line: lineOf(text, "status: jailed"),
    });
    expect(problems[0]?.message).toContain('"jailed" is not allowed');
    for (const status of DETENTION_STATUSES) expect(problems[0]?.message).toContain(status);
  });

  it("refuses a named minor at family[0].displayName", async () => {
    const minor = {
      id: "son",
      relationship: "son",
      displayName: "A Child",
      isMinor: true,
      publicAdvocate: true,
      consent: { status: "not_sought" as const },
    };
    const text = stringify(validProfile({ family: [minor] }));
    const { read } = await folderWith({ "person.yaml": text });
    const { problems } = await read();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: "family[0].displayName",
      line: lineOf(text, "displayName: A Child"),
    });
    expect(problems[0]?.message).toMatch(/minor is never named/);
  });

  it("names an unknown key, suggests the intended one, and still reports the missing field", async () => {
    const text = stringify(validProfile({ nickname: "T" } as never)).replace(
      "status: sentenced",
      "staus: sentenced",
    );
    const { read } = await folderWith({ "person.yaml": text });
    const { problems } = await read();
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath.nickname).toMatchObject({ line: lineOf(text, "nickname:") });
    expect(byPath.nickname?.message).toMatch(
      /^unknown field "nickname"; allowed here: id, campaign, displayName/,
    );
    expect(byPath["detentions[0].staus"]).toMatchObject({ line: lineOf(text, "staus:") });
    expect(byPath["detentions[0].staus"]?.message).toContain('did you mean "status"?');
    // The missing field has no line of its own: it is reported at the detention that lacks it.
    expect(byPath["detentions[0].status"]).toMatchObject({ line: lineOf(text, "- arrestDate:") });
    expect(byPath["detentions[0].status"]?.message).toMatch(/required field is missing/);
  });

  it("reports a YAML syntax error with its line", async () => {
    const text = "id: broken\ncampaign: test-campaign\nnames: [unclosed\ndisplayName: X\n";
    const { full, read } = await folderWith({ "broken.yaml": text });
    const { problems } = await read();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: full("broken.yaml"), path: "" });
    expect(problems[0]?.message).toMatch(/^YAML syntax error/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it("reports JSON syntax errors with their line, even where JSON.parse gives no position", async () => {
    const trailingComma = '{\n  "id": "x",\n  "campaign": "test-campaign",\n}\n';
    const bareWord = '{\n  "id": "x",\n  "confidence": confirmed\n}\n';
    const { full, read } = await folderWith({ "a.json": trailingComma, "b.json": bareWord });
    const { problems } = await read();
    expect(problems).toEqual([
      expect.objectContaining({
        file: full("a.json"),
        line: 4,
        message: expect.stringMatching(/^JSON syntax error/),
      }),
      expect.objectContaining({
        file: full("b.json"),
        line: 3,
        message: expect.stringContaining('"confirmed"'),
      }),
    ]);
  });

  it("maps problems in JSON files to the line of the offending value", async () => {
    const text = JSON.stringify(validProfile({ country: { code: "Azerbaijan" } }), null, 2);
    const { read } = await folderWith({ "person.json": text });
    const { problems } = await read();
    expect(problems).toEqual([
      expect.objectContaining({ path: "country.code", line: lineOf(text, '"code": "Azerbaijan"') }),
    ]);
  });

  it("names both files when an id is defined twice", async () => {
    const text = stringify(validProfile());
    const { full, read } = await folderWith({ "a.yaml": text, "b.yaml": text });
    const { problems } = await read();
    expect(problems).toEqual([
      {
        file: full("b.yaml"),
        path: "id",
        line: lineOf(text, "id: test-person"),
        message: `duplicate profile id "test-person": also in ${full("a.yaml")}:${lineOf(text, "id: test-person")}`,
      },
    ]);
  });

  it("refuses a profile of an unknown campaign unless the campaign is already stored", async () => {
    const text = stringify(validProfile({ campaign: "elsewhere" }));
    const { read, dir } = await folderWith({ "person.yaml": text });
    const { problems } = await read();
    expect(problems).toEqual([
      expect.objectContaining({
        path: "campaign",
        line: lineOf(text, "campaign: elsewhere"),
        message: expect.stringContaining('unknown campaign "elsewhere"'),
      }),
    ]);
    const known = await readImportFiles([dir], { knownCampaignIds: ["elsewhere"] });
    expect(known.problems).toEqual([]);
  });

  it("refuses a second default campaign", async () => {
    const second = stringify(validCampaign({ id: "other", isDefault: true }));
    const dir = await tempFolder({
      "a.yaml": stringify(validCampaign({ isDefault: true })),
      "b.yaml": second,
    });
    const { problems } = await readImportFiles([dir]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, "b.yaml"),
        path: "isDefault",
        line: lineOf(second, "isDefault"),
      }),
    ]);
  });

  it("says so when a folder holds no importable files, and ignores other files", async () => {
    const empty = await tempFolder();
    const other = await tempFolder({ "README.md": "# notes", ".hidden.yaml": "not: [valid" });
    const { problems, files } = await readImportFiles([empty, other]);
    expect(files).toEqual([]);
    expect(problems).toEqual([
      { file: empty, path: "", message: "no .yaml, .yml or .json files found in this folder" },
      { file: other, path: "", message: "no .yaml, .yml or .json files found in this folder" },
    ]);
  });

  it("reports a path that does not exist without throwing", async () => {
    const dir = await tempFolder();
    const missing = path.join(dir, "nope.yaml");
    const { problems } = await readImportFiles([missing]);
    expect(problems).toEqual([{ file: missing, path: "", message: "cannot read: no such file or folder" }]);
  });
});
