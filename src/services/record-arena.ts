/**
 * The whole records of an in-memory catalog ("memory" keeping, catalog-entries.ts): each profile's JSON,
 * compressed, in shared buffers of up to 1 MB. One Buffer per record cost about 3 KB each at 50,000
 * generated profiles: the JSON (2.4 KB), a quarter more left unused in the 8 KB pool slabs small Buffers
 * are cut from, and a Buffer object and closure on the heap; 150 MB in all, the largest part of a ready bot.
 *
 * Records are deflated in pairs, in the order added (the catalog's order), against a dictionary: the
 * catalog's first record. Setting up a zlib stream costs more than deflating a record of a few KB, so the
 * block size trades loading against showing. Measured on 10,000 of the bench's profiles (generated, so
 * more alike than a real catalog's), per record, against 16 µs to parse one: one a block, 73 µs to add
 * and 39 µs to read and parse; two, 42 and 41 µs (about 300 bytes kept); eight, 27 and 65 µs. A "several"
 * answer reads up to ten.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { IntList } from "../search/packed-lists.ts";

const RECORDS_PER_BLOCK = 2;
/** Chunks grow from 64 KB to 1 MB, so that a small catalog holds little more than its records. */
const FIRST_CHUNK_BYTES = 1 << 16;
const CHUNK_BYTES = 1 << 20;
/** An 8 KB window reaches the record before; zlib's default (32 KB) costs more to set up each time. */
const ZLIB = { windowBits: 13, memLevel: 6 } as const;

export class RecordArena {
  private dictionary: Buffer | undefined;
  private readonly chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  /** Records added since the last block was sealed, and their bytes. */
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Per block: where its deflated bytes are. */
  private readonly blockChunk = new IntList();
  private readonly blockStart = new IntList();
  private readonly blockLength = new IntList();
  /** Per record: its block, and where it lies in the block once inflated. */
  private readonly recordBlock = new IntList();
  private readonly recordStart = new IntList();
  private readonly recordLength = new IntList();

  /** Keeps `json`; its number for `read`. */
  add(json: string): number {
    const bytes = Buffer.byteLength(json);
    this.dictionary ??= Buffer.from(json);
    this.recordBlock.push(this.blockChunk.length);
    this.recordStart.push(this.pendingBytes);
    this.recordLength.push(bytes);
    this.pending.push(json);
    this.pendingBytes += bytes;
    if (this.pending.length === RECORDS_PER_BLOCK) this.seal();
    return this.recordBlock.length - 1;
  }

  read(id: number): string {
    const block = this.recordBlock.at(id);
    // The last block is sealed on the first read, when the catalog has been read whole.
    if (block === this.blockChunk.length) this.seal();
    const start = this.blockStart.at(block);
    const packed = this.chunks[this.blockChunk.at(block)]!.subarray(
      start,
      start + this.blockLength.at(block),
    );
    const raw = inflateRawSync(packed, { windowBits: ZLIB.windowBits, dictionary: this.dictionary! });
    const from = this.recordStart.at(id);
    return raw.toString("utf8", from, from + this.recordLength.at(id));
  }

  /** Bytes held, for measurement. */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  private seal(): void {
    const packed = deflateRawSync(this.pending.join(""), { ...ZLIB, dictionary: this.dictionary! });
    this.pending = [];
    this.pendingBytes = 0;
    let chunk = this.chunks.at(-1);
    if (chunk === undefined || this.used + packed.length > chunk.length) {
      const size = chunk === undefined ? FIRST_CHUNK_BYTES : Math.min(CHUNK_BYTES, chunk.length * 2);
      // Not from the shared pool: these live as long as the catalog version.
      chunk = Buffer.allocUnsafeSlow(Math.max(size, packed.length));
      this.chunks.push(chunk);
      this.used = 0;
    }
    packed.copy(chunk, this.used);
    this.blockChunk.push(this.chunks.length - 1);
    this.blockStart.push(this.used);
    this.blockLength.push(packed.length);
    this.used += packed.length;
  }
}
