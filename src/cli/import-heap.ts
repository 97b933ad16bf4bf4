/**
 * The heap of a one-off import. At 50,000 profiles an import keeps about 100 MB alive, but each file's
 * parsed values, validated records and rows live across its writes, so they reach the old generation and
 * die there; V8 let that garbage grow to several times the live size before collecting (a peak over
 * 600 MB). A process that only imports is told to collect once its heap is half again as large as what
 * was live, for a peak under 500 MB at a few percent more collecting. Never in a bot's process (an import
 * the bot carries out for the command line or the panel), where lookups would pay for it.
 */
import { setFlagsFromString } from "node:v8";

const GROWING_PERCENT = 50;

export function collectSoonerForImport(): void {
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}
