/**
 * The console chat's history, kept across runs in one file: one line typed per line of the file, oldest
 * first, at most HISTORY_SIZE of them. Only the owner may read it (0600): it holds what was typed.
 * Saving never stops the chat: a file that cannot be read or written is reported, and the chat goes on.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const HISTORY_SIZE = 500;

/** The lines of a history file, newest first (as readline takes them); none when there is no file. */
export function loadHistory(file: string, warn: (message: string) => void): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT")
      warn(`could not read the chat history ${file}: ${message(err)}`);
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(-HISTORY_SIZE)
    .reverse();
}

/** Saves a history (newest first), as readline hands it over after each line. */
export function historySaver(
  file: string,
  warn: (message: string) => void,
): (history: readonly string[]) => void {
  return (history) => {
    const lines = history.slice(0, HISTORY_SIZE).reverse();
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Written whole and renamed into place: a crash mid-write leaves the old history, and the new file is
      // created 0600 even if an older one was readable by others.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, lines.length > 0 ? `${lines.join("\n")}\n` : "", { mode: 0o600 });
      renameSync(partial, file);
    } catch (err) {
      warn(`could not save the chat history to ${file}: ${message(err)}`);
    }
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
