/**
 * Uploaded files (the staff panel's Import page) on their way into the one importer: zips unpacked with
 * hidden and other entries skipped, the limits on files and bytes named and checked before a zip entry
 * is inflated, and in-memory files read as strictly as files on disk.
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ImportError } from "../../../src/core/errors.ts";
import { streamImportFiles } from "../../../src/catalog/stream-import-files.ts";
import { unpackUploads } from "../../../src/catalog/uploaded-files.ts";
import { validCampaign, validProfile } from "./fixtures.ts";

const limits = { maxFiles: 3, maxBytes: 1024 * 1024 };

describe("unpacking uploads", () => {
  it("keeps importable files and a zip's importable entries, in order, named inside the zip", () => {
    const zip = zipSync({
      "cat/b.yaml": strToU8("b: 1"),
      "cat/a.json": strToU8("{}"),
      "cat/notes.md": strToU8("no"),
      "cat/.git/x.yaml": strToU8("no"),
      "__MACOSX/cat/._a.json": strToU8("no"),
    });
    const { files, problems } = unpackUploads(
      [
        { name: "one.yml", bytes: strToU8("x: 1") },
        { name: "cat.zip", bytes: zip },
      ],
      limits,
    );
    expect(problems).toEqual([]);
    expect(files.map((f) => f.name)).toEqual(["one.yml", "cat.zip/cat/a.json", "cat.zip/cat/b.yaml"]);
    expect(new TextDecoder().decode(files[2]?.bytes)).toBe("b: 1");
  });

  it("refuses a name that is not importable, an empty upload and a broken zip, each saying why", () => {
    expect(unpackUploads([{ name: "a.txt", bytes: strToU8("x") }], limits).problems).toEqual([
      { file: "a.txt", path: "", message: "expected a .yaml, .yml, .json or .zip file" },
    ]);
    expect(unpackUploads([], limits).problems[0]?.message).toBe("no file given");
    expect(unpackUploads([{ name: "x.zip", bytes: strToU8("nope") }], limits).problems[0]?.message).toMatch(
      /^cannot read this zip/,
    );
    const empty = zipSync({ "readme.md": strToU8("x") });
    expect(unpackUploads([{ name: "e.zip", bytes: empty }], limits).problems[0]?.message).toBe(
      "no .yaml, .yml or .json files in this zip",
    );
  });

  it("names the file-count limit and returns no file past it", () => {
    const zip = zipSync(Object.fromEntries(["a", "b", "c", "d"].map((n) => [`${n}.yaml`, strToU8("x")])));
    expect(unpackUploads([{ name: "four.zip", bytes: zip }], limits)).toEqual({
      files: [],
      problems: [{ file: "(upload)", path: "", message: "more than 3 files; import at most 3 at a time" }],
    });
  });

  it("refuses a zip whose entry would unpack past the byte limit, from its declared size", () => {
    // 5 MB of zeros packs into a few KB: the declared size is what is checked, before inflating.
    const bomb = zipSync({ "big.yaml": new Uint8Array(5 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const result = unpackUploads([{ name: "bomb.zip", bytes: bomb }], limits);
    expect(result.files).toEqual([]);
    expect(result.problems[0]?.message).toBe("more than 1 MB of files; import at most 1 MB at a time");
    const plain = unpackUploads([{ name: "big.yaml", bytes: new Uint8Array(limits.maxBytes + 1) }], limits);
    expect(plain.problems).toHaveLength(1);
  });
});

describe("importing uploaded files", () => {
  const read = async (files: { name: string; text: string | Uint8Array }[]) => {
    const uploaded = files.map((f) => ({
      name: f.name,
      bytes: typeof f.text === "string" ? strToU8(f.text) : f.text,
    }));
    const { batches } = streamImportFiles({ uploaded });
    const profiles: string[] = [];
    try {
      for await (const batch of batches) profiles.push(...batch.profiles.map((p) => p.id));
      return { profiles, problems: [] };
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return { profiles, problems: [...error.problems] };
    }
  };

  it("reads them as the importer reads files on disk", async () => {
    const result = await read([
      { name: "c.yaml", text: stringify(validCampaign()) },
      { name: "p.yaml", text: stringify(validProfile({ id: "one" })) },
    ]);
    expect(result).toEqual({ profiles: ["one"], problems: [] });
  });

  it("names the file and line of a bad byte and of a bad field, and refuses a name given twice", async () => {
    const latin1 = new Uint8Array([...strToU8("id: one\nname: Jos"), 0xe9, 0x0a]);
    const bad = stringify(validProfile({ id: "two" })).replace(/^campaign: .*$/m, "campaign: Not A Slug");
    const { problems } = await read([
      { name: "c.yaml", text: stringify(validCampaign()) },
      { name: "latin1.yaml", text: latin1 },
      { name: "bad.yaml", text: bad },
      { name: "c.yaml", text: "x: 1" },
    ]);
    expect(problems).toContainEqual(expect.objectContaining({ file: "latin1.yaml", line: 2 }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "bad.yaml", path: "campaign", line: 2 }));
    expect(problems).toContainEqual({
      file: "c.yaml",
      path: "",
      message: "a second file of the same name; rename one",
    });
  });
});
