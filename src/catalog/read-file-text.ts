/**
 * Reads one import file as strict UTF-8. The file is opened without blocking and checked to be a regular
 * file on the open handle, so that a named pipe put in place after the folder was listed is refused
 * instead of waiting forever for a writer.
 */
import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import type { ImportProblem } from "../core/errors.ts";
import { describeFsError } from "./collect-files.ts";
import { notRegular } from "./file-kind.ts";
import { decodeUtf8, hexBytes } from "./utf8.ts";

export type FileText = { text: string } | { problem: ImportProblem };

export async function readFileText(absolute: string, display: string): Promise<FileText> {
  const refuse = (message: string): FileText => refuseText(display, message);
  let handle: FileHandle | undefined;
  let bytes: Uint8Array;
  try {
    // O_NONBLOCK does nothing to a regular file; it only keeps open() on a pipe from waiting (not on Windows).
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) return refuse(`not read: ${notRegular(info)}`);
    bytes = await handle.readFile();
  } catch (error) {
    return refuse(`cannot read: ${describeFsError(error)}`);
  } finally {
    await handle?.close();
  }
  return textOf(bytes, display);
}

/** A file's bytes as strict UTF-8 text, or the problem naming the line and offset of the first bad byte. */
export function textOf(bytes: Uint8Array, display: string): FileText {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { text: decoded.text };
  return refuseText(
    display,
    `not valid UTF-8 at byte offset ${decoded.offset} (${hexBytes(decoded.bytes)}); ` +
      "save the file as UTF-8 (Latin-1 or Windows-1252 text is not accepted)",
    decoded.line,
  );
}

function refuseText(display: string, message: string, line?: number): FileText {
  return { problem: { file: display, path: "", ...(line === undefined ? {} : { line }), message } };
}
