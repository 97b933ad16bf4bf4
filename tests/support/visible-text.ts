/**
 * What a person reads on a panel page, for the language tests: the text nodes and the labels read aloud
 * (aria-label, data-label, the title), without commands (`<code>`), card previews (`<pre>`) and the
 * language picker (each language by its own name), with entities decoded. `leftover` removes the data
 * (names, summaries, channels: strings taken from the world) and tells what is left in Latin letters.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? e);

export function visibleTexts(page: string): string[] {
  const body = page
    .replace(/<code>[\s\S]*?<\/code>/g, " ")
    .replace(/<pre[^>]*>[\s\S]*?<\/pre>/g, " ")
    // A platform's preview is that platform's own rendering of the card (its tests check its words):
    // only its summary, the panel's name for it, is the panel's text.
    .replace(/(<details class="preview"><summary>[\s\S]*?<\/summary>)[\s\S]*?<\/details>/g, "$1</details>")
    .replace(/<nav class="languages"[\s\S]*?<\/nav>/g, " ");
  const labels = [...body.matchAll(/\s(?:aria-label|data-label)="([^"]*)"/g)].map((m) => m[1] ?? "");
  const texts = body
    .replace(/<[^>]*>/g, "\n")
    .split("\n")
    .map((t) => t.trim());
  // Without the isolate marks put around a value written the other way (they are not text one reads).
  return [...labels, ...texts].map((t) => decode(t).replace(/[\u2066-\u2069]/g, "")).filter((t) => t !== "");
}

/**
 * Every string in a value (objects and arrays walked), except the codes the panel must translate
 * (states, roles, consent, visibility): kept, they would hide an untranslated badge.
 */
export function dataStrings(codes: readonly string[], ...values: unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length >= 2 && !codes.includes(value)) found.add(value);
    } else if (value instanceof Date) {
      return;
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(walk);
    }
  };
  values.forEach(walk);
  return [...found].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, "gu");

/** The texts that still hold two Latin letters in a row once the data, then `remove` (bracketed text…), is taken out. */
export function leftover(texts: readonly string[], data: readonly string[], remove: RegExp[] = []): string[] {
  return texts.filter((text) => {
    let rest = text;
    // Whole words only: a code such as "ru" taken out of "February" would hide English.
    for (const value of data) rest = rest.replace(wholeWord(value), " ");
    // Again until nothing changes, for brackets inside brackets (a translated value in a message).
    for (let before = ""; before !== rest; ) {
      before = rest;
      for (const pattern of remove) rest = rest.replace(pattern, " ");
    }
    return /[A-Za-z]{2,}/.test(rest);
  });
}

/** The catalog's campaigns and whole profiles, for dataStrings: the in-memory catalog keeps only heads as objects. */
export async function wholeCatalog(catalog: {
  snapshot(): Promise<{ campaigns: unknown[]; all: Array<{ load(): Promise<unknown> }> }>;
}): Promise<unknown[]> {
  const snap = await catalog.snapshot();
  return [snap.campaigns, await Promise.all(snap.all.map((entry) => entry.load()))];
}
