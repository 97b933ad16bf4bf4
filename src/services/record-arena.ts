/**
 * The whole records of an in-memory catalog ("memory" keeping, catalog-entries.ts): each profile's JSON,
 * compressed, in shared buffers of up to 1 MB. One Buffer per record cost about 3 KB each at 50,000 generated
 * profiles: the JSON (2.4 KB), a quarter more left unused in the 8 KB pool slabs small Buffers are cut
 * from, and a Buffer object and closure on the heap; 150 MB in all, the largest part of a ready bot.
 *
 * Records of one catalog share most of their text (field names, publishers, phrasing), so each is
 * deflated against a dictionary: the catalog's first record. Measured at 50,000 generated profiles
 * (templated, so more alike than a real catalog's): about 300 bytes a record, against 900 deflated alone;
 * about 90 µs to deflate while the catalog loads and 40 µs to inflate when the profile is shown.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { IntList } from "../search/packed-lists.ts";

/** Chunks grow from 64 KB to 1 MB, so that a small catalog holds little more than its records. */
const FIRST_CHUNK_BYTES = 1 << 16;
const CHUNK_BYTES = 1 << 20;
/**
 * A 4 KB window and small hash tables: each call sets up its own stream, and with zlib's defaults (32 KB
 * window, 128 KB of hash tables) setting them up cost more than compressing a record of a few KB, and
 * what each stream allocates counted towards garbage collections while the catalog loaded.
 */
const ZLIB = { windowBits: 12, memLevel: 5 } as const;

export class RecordArena {
  private dictionary: Buffer | undefined;
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private readonly chunkOf = new IntList();
  private readonly startOf = new IntList();
  private readonly lengthOf = new IntList();

  /** Keeps `json`; its number for `read`. */
  add(json: string): number {
    const raw = Buffer.from(json);
    this.dictionary ??= raw;
    const packed = deflateRawSync(raw, { ...ZLIB, dictionary: this.dictionary });
    let chunk = this.chunks.at(-1);
    if (chunk === undefined || this.used + packed.length > chunk.length) {
      // Not from the shared pool: these live as long as the catalog version.
      const size = chunk === undefined ? FIRST_CHUNK_BYTES : Math.min(CHUNK_BYTES, chunk.length * 2);
      chunk = Buffer.allocUnsafeSlow(Math.max(size, packed.length));
      this.chunks.push(chunk);
      this.used = 0;
    }
    packed.copy(chunk, this.used);
    this.chunkOf.push(this.chunks.length - 1);
    this.startOf.push(this.used);
    this.lengthOf.push(packed.length);
    this.used += packed.length;
    return this.chunkOf.length - 1;
  }

  read(id: number): string {
    const start = this.startOf.at(id);
    const packed = this.chunks[this.chunkOf.at(id)]!.subarray(start, start + this.lengthOf.at(id));
    return inflateRawSync(packed, { windowBits: ZLIB.windowBits, dictionary: this.dictionary! }).toString(
      "utf8",
    );
  }

  /** Bytes held, for measurement. */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }
}
