/**
 * Writes a tar archive (ustar: regular files and folders, as PGlite's dumpDataDir makes them) into a
 * folder as it streams in, a chunk at a time, so a 40 MB database template never sits in memory whole.
 * Entries named in `writeLast` are held back and written after every other one: an extraction cut short
 * then leaves them out (the embedded database's PG_VERSION, which says a folder holds a database).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { isAbsolute, join, normalize, sep } from "node:path";

const BLOCK = 512;

/** An entry this reader does not write (a link, a device, a pax or GNU extension header). */
export class UnsupportedTarError extends Error {}

interface Header {
  path: string;
  size: number;
  mode: number;
  kind: "file" | "folder";
}

const text = (block: Buffer, start: number, length: number) => {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.toString("utf8", 0, end < 0 ? length : end);
};

const octal = (block: Buffer, start: number, length: number, what: string, name: string) => {
  const digits = text(block, start, length).trim();
  if (!/^[0-7]*$/.test(digits)) throw new UnsupportedTarError(`tar entry ${name}: its ${what} is not octal`);
  return digits === "" ? 0 : Number.parseInt(digits, 8);
};

function readHeader(block: Buffer): Header {
  const prefix = text(block, 345, 155);
  const name = prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100);
  const type = String.fromCharCode(block[156] ?? 0);
  const kind = type === "0" || type === "\0" ? "file" : type === "5" ? "folder" : undefined;
  if (!kind)
    throw new UnsupportedTarError(`tar entry ${name} is of type "${type}": only files and folders are read`);
  // Names are relative to the archive's root (PGlite writes them with a leading "/"); none may leave it.
  const path = normalize(name.replace(/^\/+/, ""));
  if (isAbsolute(path) || path === ".." || path.startsWith(`..${sep}`))
    throw new UnsupportedTarError(`tar entry ${name} lies outside the folder`);
  return { path, kind, size: octal(block, 124, 12, "size", name), mode: octal(block, 100, 8, "mode", name) };
}

/** Where the reader is: inside an entry's data (written to a file, or held back) and its padding. */
interface Entry {
  fd?: number;
  held?: Buffer[];
  left: number;
  padding: number;
}

/** Writes entries into `folder` from a buffer of whole blocks and parts of an entry's data. */
function entryWriter(folder: string, writeLast: readonly string[]) {
  const folders = new Set<string>();
  const ensureFolder = (path: string) => {
    if (folders.has(path)) return;
    mkdirSync(path, { recursive: true });
    folders.add(path);
  };
  const heldBack: { path: string; mode: number; data: Buffer[] }[] = [];
  let entry: Entry | undefined;

  /** Takes what it can of the current entry's data and padding from `at`; returns where it stopped. */
  const continueEntry = (current: Entry, buffer: Buffer, at: number): number => {
    const take = Math.min(current.left, buffer.length - at);
    const data = buffer.subarray(at, at + take);
    if (current.fd !== undefined) writeSync(current.fd, data);
    else current.held?.push(Buffer.from(data));
    current.left -= take;
    const skip = current.left > 0 ? 0 : Math.min(current.padding, buffer.length - at - take);
    current.padding -= skip;
    if (current.left === 0 && current.padding === 0) {
      if (current.fd !== undefined) closeSync(current.fd);
      entry = undefined;
    }
    return at + take + skip;
  };

  const startEntry = (header: Header) => {
    const path = join(folder, header.path);
    if (header.kind === "folder") return ensureFolder(path);
    ensureFolder(join(path, ".."));
    const padding = (BLOCK - (header.size % BLOCK)) % BLOCK;
    if (writeLast.includes(header.path)) {
      const held = { path, mode: header.mode & 0o777, data: [] as Buffer[] };
      heldBack.push(held);
      entry = { held: held.data, left: header.size, padding };
    } else {
      entry = { fd: openSync(path, "w", header.mode & 0o777), left: header.size, padding };
    }
  };

  return {
    /** Writes what `buffer` holds; returns how many of its bytes were used (the rest is a part block). */
    consume(buffer: Buffer): number {
      let at = 0;
      for (;;) {
        if (entry) at = continueEntry(entry, buffer, at);
        if (entry || buffer.length - at < BLOCK) return at;
        const block = buffer.subarray(at, at + BLOCK);
        at += BLOCK;
        // Empty blocks end the archive (two of them, then padding to the record size).
        if (!block.every((byte) => byte === 0)) startEntry(readHeader(block));
      }
    },
    inEntry: () => entry !== undefined,
    /** Closes a file left open by a read that failed. */
    abandon() {
      if (entry?.fd !== undefined) closeSync(entry.fd);
    },
    writeHeldBack() {
      for (const held of heldBack) writeFileSync(held.path, Buffer.concat(held.data), { mode: held.mode });
    },
  };
}

export async function extractTar(
  chunks: AsyncIterable<Buffer>,
  folder: string,
  options: { writeLast?: readonly string[] } = {},
): Promise<void> {
  const writer = entryWriter(folder, options.writeLast ?? []);
  let rest = Buffer.alloc(0);
  try {
    for await (const chunk of chunks) {
      const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      rest = Buffer.from(buffer.subarray(writer.consume(buffer)));
    }
  } catch (err) {
    writer.abandon();
    throw err;
  }
  if (writer.inEntry() || rest.length > 0) throw new Error("the tar archive ends inside an entry");
  writer.writeHeldBack();
}
