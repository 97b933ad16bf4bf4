/**
 * CSV as RFC 4180 writes it: CRLF after every record, a field quoted when it holds a comma, a double quote,
 * CR or LF, and a double quote inside doubled. Fields are written as they are, so any value reads back the
 * same in a spreadsheet or a CSV reader.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecords(records: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return records.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}
