/**
 * A large YAML file read a document at a time, so a catalog of tens of thousands of profiles (an export
 * writes one document each) never sits in memory whole, nor as one parse tree. A line that starts with
 * `---` ends any document in YAML, even inside a block scalar or a quoted string, so cutting there is
 * exact. A directive (`%YAML`) belongs to the document after it: from the first one, the rest of the file
 * stays one piece. The bytes are decoded as strict UTF-8; the caller reads the whole file again to
 * report where an invalid byte is.
 */
import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { notRegular } from "./file-kind.ts";

export interface YamlChunk {
  text: string;
  /** The 1-based line of the file the chunk starts at. */
  firstLine: number;
}

/** Files this large are read a document at a time; smaller ones whole, as before. */
export const STREAMED_FILE_BYTES = 8 * 1024 * 1024;

const DOCUMENT_START = /^---(?:[ \t\r]|$)/;

export class NotUtf8 extends Error {}

/** Opens the file without blocking and checks it is a regular file (see read-file-text.ts). */
export async function openRegular(absolute: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new Error(`not read: ${notRegular(info)}`);
  }
  return { handle, size: info.size };
}

/** The file's documents (with any comments before them), in order; throws NotUtf8 on a bad byte. */
export async function* yamlChunks(handle: FileHandle): AsyncGenerator<YamlChunk> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let lines: string[] = [];
  let firstLine = 1;
  let lineNo = 0;
  let rest = "";
  let split = true;
  const take = (): YamlChunk => {
    const chunk = { text: lines.join("\n"), firstLine };
    lines = [];
    return chunk;
  };
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8();
    }
  };
  for await (const bytes of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) {
    const text = rest + decode(bytes as Buffer);
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) {
      lineNo++;
      if (line.startsWith("%")) split = false;
      if (split && DOCUMENT_START.test(line) && lines.length > 0) {
        yield take();
        firstLine = lineNo;
      }
      lines.push(line);
    }
  }
  rest += decode();
  if (rest !== "" || lines.length > 0) {
    lines.push(rest);
    yield take();
  }
}
