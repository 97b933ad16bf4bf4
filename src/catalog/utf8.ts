/**
 * Strict UTF-8 decoding for import files. A lenient decoder turns a Latin-1 "é" into U+FFFD and the
 * damaged name would be stored and posted; here the file is refused, with the line and byte offset of the
 * first bad byte so that a curator can find it in a hex view or an editor's "go to byte".
 */

export type DecodedText =
  | { ok: true; text: string }
  | {
      ok: false;
      /** 1-based line of the first bad byte, counting line feeds (so CRLF files count the same). */
      line: number;
      /** 0-based offset in the file, a byte-order mark included, of the first byte of the bad sequence. */
      offset: number;
      /** The bad sequence: its first byte up to the byte that made it invalid. */
      bytes: Uint8Array;
    };

/** How much is decoded at a time while looking for the bad byte; small values are for tests. */
const CHUNK = 1 << 16;

export function decodeUtf8(bytes: Uint8Array, chunk: number = CHUNK): DecodedText {
  try {
    // The decoder drops a leading byte-order mark; offsets below still count it, as the file holds it.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const { offset, end } = firstBadSequence(bytes, chunk);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, line, offset, bytes: bytes.subarray(offset, end) };
  }
}

/** "0xC3 0x28": the bad bytes as a hex viewer shows them. */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");
}

/**
 * Where the first invalid sequence starts, found by the same WHATWG decoder that refused the file (so the
 * two can never disagree): chunks first, then byte by byte from the last sequence start before the chunk
 * that failed. `end` is one past the byte at which the sequence became invalid.
 */
function firstBadSequence(bytes: Uint8Array, chunk: number): { offset: number; end: number } {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let at = 0; at < bytes.length; at += chunk) {
    try {
      decoder.decode(bytes.subarray(at, at + chunk), { stream: true });
    } catch {
      return byteByByte(bytes, sequenceStartBefore(bytes, at));
    }
  }
  // Every chunk was fine, so the file ends inside a character.
  return byteByByte(bytes, sequenceStartBefore(bytes, bytes.length));
}

/**
 * Everything before `at` decoded without an error, so the nearest byte before it that is not a
 * continuation byte (10xxxxxx) starts a character: a fresh decoder can begin there.
 */
function sequenceStartBefore(bytes: Uint8Array, at: number): number {
  let start = at;
  while (start > 0 && at - start < 4) {
    start--;
    if (((bytes[start] ?? 0) & 0xc0) !== 0x80) break;
  }
  return start;
}

function byteByByte(bytes: Uint8Array, from: number): { offset: number; end: number } {
  // ignoreBOM keeps a byte-order mark in the output, so it moves `start` past itself like any character.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let start = from;
  for (let i = from; i < bytes.length; i++) {
    try {
      // Nothing comes out while a character is incomplete; once it does, the next byte starts a new one.
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== "") start = i + 1;
    } catch {
      return { offset: start, end: i + 1 };
    }
  }
  return { offset: start, end: bytes.length };
}
