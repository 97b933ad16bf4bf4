/** Values of the benchmarks' command-line flags, read strictly: a bad value stops the run, naming the flag. */

/** A number above 0 (a whole one when `integer`). */
export function numberFlag(name: string, raw: string | undefined, integer: boolean): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new Error(`${name} needs a positive ${integer ? "whole " : ""}number, got ${raw ?? "nothing"}`);
  return value;
}
