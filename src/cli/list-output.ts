/**
 * How list commands print: an aligned table for a person (its header bold on a terminal), or with
 * `--json` one JSON document (an array, one object per row) for a script, whatever the streams are.
 */
import type { CliIo } from "./context.ts";
import { styleFor } from "./style.ts";

export interface ListView<T> {
  /** Column headings, and a row's cells in the same order. */
  columns: readonly string[];
  cells(item: T): string[];
  /** The item as a script reads it: stable field names, machine-readable values (ISO dates, numbers). */
  json(item: T): unknown;
  /** What the table says when there is nothing to list. */
  empty: string;
  /** A line above the table, when there is one. */
  heading?: string;
}

export function writeList<T>(io: CliIo, items: readonly T[], view: ListView<T>, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(items.map(view.json), null, 2)}\n`);
    return;
  }
  if (items.length === 0) {
    io.stdout.write(`${view.empty}\n`);
    return;
  }
  const bold = styleFor(io, "stdout").bold;
  const heading = view.heading === undefined ? "" : `${view.heading}\n`;
  io.stdout.write(heading + formatTable(view.columns, items.map(view.cells), bold));
}

// East Asian wide and fullwidth characters take two columns in a terminal (UAX #11).
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** The columns a terminal gives text: one per code point, two for a wide one, none for a bidi mark. */
export function columnsOf(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (/[\u200E\u200F\u2066-\u2069]/.test(char)) continue;
    columns += WIDE.test(char) ? 2 : 1;
  }
  return columns;
}

/**
 * Columns padded to their widest cell, two spaces apart, with a rule under the header. Widths count what
 * a terminal shows (code points, not UTF-16 units), and the header is styled after it is padded, so
 * colour never shifts a column.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly string[][],
  styleHeader: (text: string) => string = (text) => text,
): string {
  const width = columnsOf;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const pad = (cell: string, i: number) => cell + " ".repeat((widths[i] ?? 0) - width(cell));
  const line = (cells: readonly string[]) => cells.map(pad).join("  ").trimEnd();
  return [styleHeader(line(header)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)]
    .join("\n")
    .concat("\n");
}
