/**
 * Plain text laid out for a terminal: how many columns a string takes, wrapping at word boundaries with a
 * hanging indent, and aligned tables. Nothing here knows about colour: text is laid out first, coloured after.
 */

/**
 * Profile text comes from data files: a stray escape sequence could rewrite the terminal or hide lines, and a
 * carriage return could overwrite one. Line feeds and tabs are kept; C0 and C1 controls go.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

/** Marks and zero-width characters take no column; East Asian wide letters and emoji take two. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFEFF]$/u;
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]$/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

/**
 * One logical line as terminal rows of at most `width` columns, broken between words. A word wider than
 * the row (a long URL) stays whole on a row of its own: the terminal folds it, and it stays one link.
 * Continuation rows start with `indent` spaces; the line's own leading spaces are kept on its first row.
 */
export function wrapLine(line: string, width: number, indent = 0): string[] {
  if (displayWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const words = line.slice(lead.length).split(/ +/);
  const pad = " ".repeat(Math.min(indent, Math.max(0, width - 10)));
  const rows: string[] = [];
  let row = lead;
  let rowHasWord = false;
  for (const word of words) {
    const candidate = rowHasWord ? `${row} ${word}` : `${row}${word}`;
    // A word too wide for any row is folded by the terminal wherever it starts: a row of its own would
    // only leave a gap. A row that has already overflowed takes no more words.
    const overlong = displayWidth(pad + word) > width && displayWidth(row) < width;
    if (!rowHasWord || overlong || displayWidth(candidate) <= width) {
      row = candidate;
    } else {
      rows.push(row);
      row = `${pad}${word}`;
    }
    rowHasWord = true;
  }
  rows.push(row);
  return rows;
}

/** How many terminal rows the text takes at this width, counting the rows a terminal folds itself. */
export function rowsAt(text: string, width: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
}

/**
 * Rows of cells under a header, each column as wide as its widest cell, two spaces apart. The last column
 * is wrapped to what is left of `width` (when given); a cell may hold several lines.
 */
export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  width?: number,
): string[] {
  const all = [header, ...rows];
  const columns = header.length;
  const widths = Array.from({ length: columns - 1 }, (_, c) =>
    Math.max(...all.flatMap((row) => (row[c] ?? "").split("\n").map(displayWidth))),
  );
  const left = widths.reduce((sum, w) => sum + w + 2, 0);
  const lastWidth = width === undefined ? Number.POSITIVE_INFINITY : Math.max(20, width - left);
  const pad = (text: string, w: number) => text + " ".repeat(Math.max(0, w - displayWidth(text)));
  return all.flatMap((row) => {
    const cells = row.map((cell) => cell.split("\n"));
    const last = cells[columns - 1]!.flatMap((line) => wrapLine(line, lastWidth));
    const height = Math.max(last.length, ...cells.slice(0, -1).map((c) => c.length));
    return Array.from({ length: height }, (_, i) => {
      const lead = widths.map((w, c) => pad(cells[c]![i] ?? "", w + 2)).join("");
      return `${lead}${last[i] ?? ""}`.trimEnd();
    });
  });
}
