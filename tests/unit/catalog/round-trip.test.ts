/** `export` then `import` must change nothing: the bundle reads back to the very same records. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { exportBundle } from "../../../src/catalog/export-bundle.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { campaignSchema, profileSchema } from "../../../src/core/profile.ts";
import { tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));

describe("exportBundle", () => {
  for (const format of ["yaml", "json"] as const) {
    it(`round-trips the shipped data through ${format}`, async () => {
      const original = await readImportFiles([DATA]);
      expect(original.problems).toEqual([]);
      const dir = await tempFolder();
      const file = path.join(dir, `export.${format}`);
      await writeFile(file, exportBundle(original, format), "utf8");

      const again = await readImportFiles([file]);
      expect(again.problems).toEqual([]);
      expect(again.files).toEqual([file]);
      expect(again.campaigns).toStrictEqual(original.campaigns);
      expect(again.profiles).toStrictEqual(original.profiles);
    });
  }

  it("writes the campaigns, then one YAML document a profile (JSON: exactly the two lists), even when empty", () => {
    const text = exportBundle({ campaigns: [], profiles: [] }, "yaml");
    expect(parse(text)).toEqual({ campaigns: [] });
    const profiles = [
      profileSchema.parse(validProfile({ id: "one" })),
      profileSchema.parse(validProfile({ id: "two" })),
    ];
    const docs = parseAllDocuments(exportBundle({ campaigns: [], profiles }, "yaml")).map((d) => d.toJS());
    expect(docs).toEqual([{ campaigns: [] }, ...profiles.map((p) => JSON.parse(JSON.stringify(p)))]);
    const bundle = { campaigns: [campaignSchema.parse(validCampaign())], profiles };
    // Written a profile at a time, the JSON is still exactly what stringifying the whole bundle gives.
    expect(exportBundle(bundle, "json")).toBe(`${JSON.stringify(bundle, null, 2)}\n`);
    expect(JSON.parse(exportBundle({ campaigns: [], profiles: [] }, "json"))).toEqual({
      campaigns: [],
      profiles: [],
    });
  });

  it("keeps text that YAML would otherwise read as a number or a boolean as text", async () => {
    // A bare 2016 or yes in YAML would come back as a number or stay a string depending on the schema.
    const profile = profileSchema.parse(
      validProfile({
        displayName: "2016",
        verifiedBy: "yes",
        detentions: [
          {
            arrestDate: "2015",
            detainingCountry: "AZ",
            status: "unknown",
            statusAsOf: "2016",
            sources: ["src"],
          },
        ],
      }),
    );
    const campaign = campaignSchema.parse(validCampaign());
    const dir = await tempFolder({
      "bundle.yaml": exportBundle({ campaigns: [campaign], profiles: [profile] }, "yaml"),
    });
    const read = await readImportFiles([dir]);
    expect(read.problems).toEqual([]);
    expect(read.profiles).toStrictEqual([profile]);
    expect(read.campaigns).toStrictEqual([campaign]);
  });
});
