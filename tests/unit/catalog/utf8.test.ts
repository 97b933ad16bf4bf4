/**
 * Import files must be UTF-8: a file with a bad byte is refused with the line and byte offset of the first
 * bad byte, never stored with U+FFFD in place of a letter of someone's name.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { decodeUtf8 } from "../../../src/catalog/utf8.ts";
import { tempFolder, validCampaign, validProfile } from "./fixtures.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

function failure(input: Uint8Array, chunk?: number) {
  const decoded = decodeUtf8(input, chunk);
  if (decoded.ok) throw new Error("expected the bytes to be refused");
  return { line: decoded.line, offset: decoded.offset, bytes: [...decoded.bytes] };
}

describe("decodeUtf8", () => {
  it("decodes valid UTF-8, dropping a byte-order mark", () => {
    expect(decodeUtf8(bytes("Məmmədov 😀\n"))).toEqual({ ok: true, text: "Məmmədov 😀\n" });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "id: x\n"))).toEqual({ ok: true, text: "id: x\n" });
  });

  it("gives the line and byte offset of a Latin-1 byte", () => {
    // "é" in Latin-1 is the single byte 0xE9, which in UTF-8 must start a three-byte character.
    expect(failure(bytes("id: x\nname: Caf", [0xe9], "\n"))).toEqual({
      line: 2,
      offset: 15,
      bytes: [0xe9, 0x0a],
    });
  });

  it("counts bytes, not characters, after a multi-byte character on the same line", () => {
    // "ə" is two bytes and "😀" four: the bad byte follows 8 characters but 12 bytes.
    expect(failure(bytes("a: ə😀xyz", [0xff]))).toEqual({ line: 1, offset: 12, bytes: [0xff] });
    expect(failure(bytes("Məmmədov\nx: ", [0x80]))).toEqual({ line: 2, offset: 14, bytes: [0x80] });
  });

  it("counts a byte-order mark in the offset", () => {
    expect(failure(bytes([0xef, 0xbb, 0xbf], [0xc0, 0x80]))).toEqual({ line: 1, offset: 3, bytes: [0xc0] });
    expect(failure(bytes([0xef, 0xbb, 0xbf], "a: ü\n", [0xfe]))).toEqual({
      line: 2,
      offset: 9,
      bytes: [0xfe],
    });
  });

  it("counts CRLF line ends as one line each", () => {
    expect(failure(bytes("a: 1\r\nb: 2\r\nc: ", [0xc3, 0x28], "\r\n"))).toEqual({
      line: 3,
      offset: 15,
      bytes: [0xc3, 0x28],
    });
  });

  it("points at the start of a truncated or overlong sequence, and at a truncated end of file", () => {
    expect(failure(bytes("ab", [0xe2, 0x82], "c"))).toEqual({
      line: 1,
      offset: 2,
      bytes: [0xe2, 0x82, 0x63],
    });
    expect(failure(bytes("ab", [0xe0, 0x80, 0xaf]))).toEqual({ line: 1, offset: 2, bytes: [0xe0, 0x80] });
    expect(failure(bytes("ab\n", [0xed, 0xa0, 0x80]))).toEqual({ line: 2, offset: 3, bytes: [0xed, 0xa0] });
    expect(failure(bytes("ab\n\n", [0xf0, 0x9f, 0x98]))).toEqual({
      line: 3,
      offset: 4,
      bytes: [0xf0, 0x9f, 0x98],
    });
  });

  it("finds the same bad byte however the search is chunked, across chunk boundaries", () => {
    const input = bytes("ə😀ə😀", [0xf0, 0x9f, 0x98], "x");
    for (const chunk of [1, 2, 3, 4, 5, 7, 64]) {
      expect(failure(input, chunk)).toEqual({ line: 1, offset: 12, bytes: [0xf0, 0x9f, 0x98, 0x78] });
    }
  });

  it("agrees with the decoder on random bytes: all is valid before the offset, and the next bytes are not", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }).map((s) => [...Buffer.from(s)]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (parts, chunk) => {
        const input = Uint8Array.from(parts.flat());
        const decoded = decodeUtf8(input, chunk);
        const strict = new TextDecoder("utf-8", { fatal: true });
        if (decoded.ok) {
          expect(decoded.text).toBe(new TextDecoder().decode(input));
          return;
        }
        expect(() => strict.decode(input.subarray(0, decoded.offset))).not.toThrow();
        expect(() => strict.decode(input.subarray(0, decoded.offset + 4))).toThrow();
        expect(decoded.line).toBe(1 + input.subarray(0, decoded.offset).filter((b) => b === 0x0a).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("readImportFiles on a file that is not UTF-8", () => {
  it("refuses the file with its line and byte offset, and imports nothing from it", async () => {
    const dir = await tempFolder({
      "campaign.yaml": stringify(validCampaign()),
      "good.yaml": stringify(validProfile({ id: "good-person" })),
    });
    const latin1 = Buffer.from(stringify(validProfile({ id: "cafe", displayName: "Café" })), "latin1");
    await writeFile(path.join(dir, "latin1.yaml"), latin1);
    const { problems } = await readImportFiles([dir]);
    const offset = latin1.indexOf(0xe9);
    const line = 1 + latin1.subarray(0, offset).filter((b) => b === 0x0a).length;
    expect(problems).toEqual([
      {
        file: path.join(dir, "latin1.yaml"),
        path: "",
        line,
        message: `not valid UTF-8 at byte offset ${offset} (0xE9 0x0A); save the file as UTF-8 (Latin-1 or Windows-1252 text is not accepted)`,
      },
    ]);
  });
});
