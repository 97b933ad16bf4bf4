/**
 * Text in one direction set inside a sentence of the other (a Latin name in Persian, an Arabic name in
 * English) is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm,
 * UAX #9), so that it keeps its own order and does not drag the sentence's punctuation and numbers with it.
 */
const FSI = "\u2068";
const PDI = "\u2069";

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan and the Arabic presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
// Strong left-to-right letters: Latin, Greek, Cyrillic, Armenian, CJK, and the other scripts written that way.
const LTR =
  /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\u0530-\u058F\u1E00-\u1FFF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

export type Direction = "ltr" | "rtl";

/** True when `text` holds letters written in the direction opposite to `direction`. */
export function hasOppositeScript(text: string, direction: Direction): boolean {
  return direction === "rtl" ? LTR.test(text) : RTL.test(text);
}

/** `text` isolated when it holds letters of the other direction; otherwise unchanged. */
export function isolateFor(text: string, direction: Direction): string {
  if (text === "" || text.startsWith(FSI)) return text;
  return hasOppositeScript(text, direction) ? `${FSI}${text}${PDI}` : text;
}

/** The text without isolate marks (for search, logs and lengths that should not count them). */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, "");
}
