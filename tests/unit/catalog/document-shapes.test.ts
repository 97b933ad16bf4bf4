/** The shapes an import file may take, and where problems inside each shape are reported. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const other = validProfile({ id: "other-person" });

describe("readImportFiles document shapes", () => {
  it("reads several YAML documents in one file and finds the line in the right one", async () => {
    const text =
      `${stringify(validCampaign())}---\n${stringify(validProfile())}---\n${stringify(other)}`.replace(
        /(id: other-person[\s\S]*?)status: sentenced/,
        "$1status: jailed",
      );
    const dir = await tempFolder({ "all.yaml": text });
    const read = await readImportFiles([dir]);
    expect(read.campaigns.map((c) => c.id)).toEqual(["test-campaign"]);
    expect(read.profiles.map((p) => p.id)).toEqual(["test-person"]);
    expect(read.problems).toEqual([
      expect.objectContaining({ path: "detentions[0].status", line: lineOf(text, "status: jailed") }),
    ]);
  });

  it("prefixes paths inside a list of profiles with the item's index", async () => {
    const text = stringify([validCampaign(), validProfile(), { ...other, confidence: "sure" }]);
    const dir = await tempFolder({ "list.yaml": text });
    const read = await readImportFiles([dir]);
    expect(read.profiles).toHaveLength(1);
    expect(read.problems).toEqual([
      expect.objectContaining({
        path: "[2].confidence",
        line: lineOf(text, "confidence: sure"),
        message: '"sure" is not allowed; allowed values: confirmed, unconfirmed',
      }),
    ]);
  });

  it("reads the export bundle and reports its unknown keys and bad records by path", async () => {
    const text = stringify({
      campaigns: [validCampaign({ hashtag: "FreeToBeHome" })],
      profiles: [validProfile()],
      exportedBy: "someone",
    });
    const dir = await tempFolder({ "bundle.yaml": text });
    const read = await readImportFiles([dir]);
    expect(read.profiles).toHaveLength(1);
    expect(read.problems).toEqual([
      expect.objectContaining({
        path: "exportedBy",
        message: 'unknown field "exportedBy"; allowed here: campaigns, profiles',
      }),
      expect.objectContaining({
        path: "campaigns[0].hashtag",
        line: lineOf(text, "hashtag: FreeToBeHome"),
        message: "expected a hashtag such as #FreeToBeHome",
      }),
    ]);
  });

  it("explains that a bare year is read as a number", async () => {
    const text = stringify(validProfile()).replace("statusAsOf: 2016-12", "statusAsOf: 2016");
    expect(text).toContain("statusAsOf: 2016\n");
    const dir = await tempFolder({ "campaign.yaml": stringify(validCampaign()), "p.yaml": text });
    const { problems } = await readImportFiles([dir]);
    expect(problems).toEqual([
      expect.objectContaining({
        path: "detentions[0].statusAsOf",
        message: 'expected text, found the number 2016; write dates in quotes, e.g. "2016"',
      }),
    ]);
  });

  it("refuses documents that are not records, empty files and unsupported file types", async () => {
    const dir = await tempFolder({
      "scalar.yaml": "just some text\n",
      "empty.json": "  \n",
      "notes.txt": "x",
    });
    const { problems } = await readImportFiles([dir, path.join(dir, "notes.txt")]);
    expect(problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      ["notes.txt", "expected a .yaml, .yml or .json file"],
      ["empty.json", "the file is empty"],
      ["scalar.yaml", expect.stringMatching(/^expected a profile, a list of profiles, a campaign/)],
    ]);
  });

  it("reads a file reached twice (a folder and a file in it) once, and shows paths relative to cwd", async () => {
    const data = path.relative(process.cwd(), fileURLToPath(new URL("../../../data", import.meta.url)));
    const campaign = path.join(data, "campaign.yaml");
    const read = await readImportFiles([campaign, data]);
    expect(read.problems).toEqual([]);
    expect(read.files[0]).toBe(campaign);
    expect(read.files.filter((f) => f === campaign)).toHaveLength(1);
    expect(read.campaigns).toHaveLength(1);
  });
});
