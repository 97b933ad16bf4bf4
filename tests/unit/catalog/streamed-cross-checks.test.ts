/**
 * The checks across files on the streamed import (the one `import` and the panel run): a record keeps
 * only its keys and where it came from once its batch is handed over, and its file is read again only
 * when a problem needs its lines. Every message still names both files and lines, on the quick YAML road,
 * in a large file read a document at a time, and in JSON; a file edited meanwhile loses its line rather
 * than pointing at another record.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type StreamImportOptions, streamImportFiles } from "../../../src/catalog/stream-import-files.ts";
import { ImportError, type ImportProblem } from "../../../src/core/errors.ts";
import type { ImportBatch } from "../../../src/core/ports/catalog.ts";
import { lineOf, tempFolder, validCampaign, validProfile } from "./fixtures.ts";

/** Reads every batch; returns the problems the import is refused with (none: it was accepted). */
async function problemsOf(
  paths: string[],
  opts: StreamImportOptions = {},
  afterBatch?: (batch: ImportBatch) => Promise<void>,
): Promise<readonly ImportProblem[]> {
  const { batches } = streamImportFiles(paths, opts);
  try {
    for await (const batch of batches) await afterBatch?.(batch);
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  return [];
}

const others = (n: number) =>
  Array.from({ length: n }, (_, i) => validProfile({ id: `other-${i}`, displayName: `Other ${i}` }));

describe("checks across files on the streamed import", () => {
  it("names both files and lines of a duplicate id, its first copy's file read again", async () => {
    const first = stringify([...others(3), validProfile()]);
    const second = stringify([...others(2).map((p) => ({ ...p, id: `more-${p.id}` })), validProfile()]);
    const dir = await tempFolder({ "campaign.yaml": stringify(validCampaign()), "a.yaml": first });
    await writeFile(path.join(dir, "b.yaml"), second);
    const full = (name: string) => path.join(dir, name);
    const problems = await problemsOf([dir]);
    expect(problems).toEqual([
      {
        file: full("b.yaml"),
        path: "[2].id",
        line: lineOf(second, "id: test-person"),
        message: `duplicate profile id "test-person": also in ${full("a.yaml")}:${lineOf(first, "id: test-person")}`,
      },
    ]);
  });

  it("finds the lines in a large file read a document at a time, and in JSON", async () => {
    const docs = [...others(4), validProfile()].map((p) => stringify(p));
    const large = `---\n${docs.join("---\n")}`;
    const json = JSON.stringify(
      [validProfile({ campaign: "elsewhere", id: "lost" }), validProfile()],
      null,
      2,
    );
    const dir = await tempFolder({
      "a-campaign.yaml": stringify(validCampaign()),
      "b-large.yaml": large,
      "c.json": json,
    });
    const full = (name: string) => path.join(dir, name);
    const problems = await problemsOf([dir], { streamFromBytes: 64 });
    const dupLine = lineOf(large, "id: test-person");
    expect(problems).toEqual([
      expect.objectContaining({
        file: full("c.json"),
        path: "[1].id",
        message: `duplicate profile id "test-person": also in ${full("b-large.yaml")}:${dupLine}`,
      }),
      expect.objectContaining({
        file: full("c.json"),
        path: "[0].campaign",
        line: lineOf(json, "elsewhere"),
      }),
    ]);
  });

  it("gives the line of an unknown campaign in a file read long before", async () => {
    const text = stringify([...others(2), validProfile({ id: "lost", campaign: "elsewhere" })]);
    const dir = await tempFolder({
      "a.yaml": text,
      "b.yaml": stringify(validCampaign()),
      "c.yaml": stringify(others(2).map((p) => ({ ...p, id: `more-${p.id}` }))),
    });
    const problems = await problemsOf([dir]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, "a.yaml"),
        path: "[2].campaign",
        line: lineOf(text, "campaign: elsewhere"),
        message: expect.stringContaining('unknown campaign "elsewhere"'),
      }),
    ]);
  });

  it("reads an uploaded file again from its bytes, as the panel's Import page gives them", async () => {
    const first = stringify([...others(2), validProfile()]);
    const second = stringify([validProfile()]);
    const bytes = (text: string) => new TextEncoder().encode(text);
    const { batches } = streamImportFiles({
      uploaded: [
        { name: "campaign.yaml", bytes: bytes(stringify(validCampaign())) },
        { name: "a.yaml", bytes: bytes(first) },
        { name: "b.yaml", bytes: bytes(second) },
      ],
    });
    const refused = await (async () => {
      for await (const _ of batches);
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).problems).toEqual([
      {
        file: "b.yaml",
        path: "[0].id",
        line: lineOf(second, "id: test-person"),
        message: `duplicate profile id "test-person": also in a.yaml:${lineOf(first, "id: test-person")}`,
      },
    ]);
  });

  it("leaves out the line of a record whose file changed before it was read again", async () => {
    const first = stringify([...others(2), validProfile()]);
    const second = stringify([validProfile()]);
    const dir = await tempFolder({ "campaign.yaml": stringify(validCampaign()), "a.yaml": first });
    await writeFile(path.join(dir, "b.yaml"), second);
    const problems = await problemsOf([dir], {}, async (batch) => {
      // Once a.yaml is handed over, its record at [2] becomes another one.
      if (batch.profiles.some((p) => p.id === "other-0")) {
        await writeFile(path.join(dir, "a.yaml"), first.replace("id: test-person", "id: renamed"));
      }
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, "b.yaml"),
        line: lineOf(second, "id: test-person"),
        message: `duplicate profile id "test-person": also in ${path.join(dir, "a.yaml")}`,
      }),
    ]);
  });
});
