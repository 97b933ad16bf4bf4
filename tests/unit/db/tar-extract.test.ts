import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extractTar, UnsupportedTarError } from "../../../db/tar-extract.ts";

interface TarEntry {
  name: string;
  type?: "0" | "5" | "2";
  data?: string | Buffer;
  /** The ustar prefix field (names longer than 100 characters are split into it). */
  prefix?: string;
}

/** A ustar archive, as PGlite's dumpDataDir writes one: a 512-byte header per entry, data padded to 512. */
function tar(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? "");
    const header = Buffer.alloc(512);
    header.write(entry.name, 0, 100, "utf8");
    header.write("0000644\0", 100);
    header.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
    header.write(entry.type ?? "0", 156);
    header.write("ustar\0" + "00", 257);
    if (entry.prefix) header.write(entry.prefix, 345, 155, "utf8");
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

/** The archive in chunks of `size` bytes, so headers and data straddle chunk boundaries. */
async function* chunks(archive: Buffer, size: number, failAfter?: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < archive.length; at += size) {
    if (failAfter !== undefined && at >= failAfter) throw new Error("the read failed");
    yield archive.subarray(at, at + size);
  }
}

describe("extractTar", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "ftbh-tar-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const read = (path: string) => readFileSync(join(folder, path));

  it("writes every file and folder with its exact bytes, whatever the chunk size", async () => {
    const big = Buffer.alloc(1300, 7);
    const archive = tar([
      { name: "/PG_VERSION", data: "18\n" },
      { name: "/base", type: "5" },
      { name: "/base/5", type: "5" },
      { name: "/base/5/1259", data: big },
      { name: "/base/5/empty" },
      { name: "deep/file", prefix: "a/b", data: "prefixed" },
      { name: "/pg_wal", type: "5" },
    ]);
    for (const size of [7, 512, 100_000]) {
      rmSync(folder, { recursive: true, force: true });
      await extractTar(chunks(archive, size), folder);
      expect(read("PG_VERSION").toString()).toBe("18\n");
      expect(read("base/5/1259").equals(big)).toBe(true);
      expect(read("base/5/empty").length).toBe(0);
      expect(read("a/b/deep/file").toString()).toBe("prefixed");
      expect(readdirSync(join(folder, "pg_wal"))).toEqual([]);
    }
  });

  it("writes the entries named in writeLast after all others, so a read cut short leaves them out", async () => {
    const archive = tar([
      { name: "/PG_VERSION", data: "18\n" },
      { name: "/base/1", data: Buffer.alloc(4096, 1) },
      { name: "/base/2", data: Buffer.alloc(4096, 2) },
    ]);
    await expect(
      extractTar(chunks(archive, 512, 4096), folder, { writeLast: ["PG_VERSION"] }),
    ).rejects.toThrow("the read failed");
    expect(existsSync(join(folder, "base/1"))).toBe(true);
    expect(existsSync(join(folder, "PG_VERSION"))).toBe(false);

    await extractTar(chunks(archive, 512), folder, { writeLast: ["PG_VERSION"] });
    expect(read("PG_VERSION").toString()).toBe("18\n");
    expect(read("base/2").equals(Buffer.alloc(4096, 2))).toBe(true);
  });

  it("refuses an entry that is neither a file nor a folder, naming it", async () => {
    const archive = tar([{ name: "/link", type: "2" }]);
    const refused = extractTar(chunks(archive, 512), folder);
    await expect(refused).rejects.toBeInstanceOf(UnsupportedTarError);
    await expect(extractTar(chunks(archive, 512), folder)).rejects.toThrow(
      'tar entry /link is of type "2": only files and folders are read',
    );
  });

  it("refuses a name that leaves the folder", async () => {
    const archive = tar([{ name: "../outside", data: "x" }]);
    await expect(extractTar(chunks(archive, 512), folder)).rejects.toThrow(
      "tar entry ../outside lies outside the folder",
    );
    expect(existsSync(join(folder, "..", "outside"))).toBe(false);
  });

  it("refuses an archive that ends inside an entry", async () => {
    const archive = tar([{ name: "/base/1", data: Buffer.alloc(2000, 1) }]).subarray(0, 1024);
    await expect(extractTar(chunks(archive, 512), folder)).rejects.toThrow(
      "the tar archive ends inside an entry",
    );
  });
});
