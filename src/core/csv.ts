/**
 * CSV as RFC 4180 writes it: fields separated by commas, a field holding a comma, quote or line break
 * quoted with its quotes doubled, lines ended by CRLF. A field a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so an export
 * opened in a spreadsheet never runs text that came from a chat or an import.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(fields: ReadonlyArray<string | number | undefined>): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function csvRecords(records: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return records.map(csvLine).join("");
}
