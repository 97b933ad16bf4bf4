/**
 * Lines for the checks across files without keeping every file's text until they end. A record read on
 * the quick YAML road (yaml-fast.ts) knows its lines only through its file's text; keeping that text for
 * every record until the last file is read held the whole catalog's YAML in memory (hundreds of MB at
 * 50,000 profiles). Instead such a record keeps where its document came from (file, piece, position), and
 * the checks run twice only when they find a problem: the first run notes which documents its messages
 * need lines from, those files are read again, and the second run words the messages with their lines.
 * A file edited meanwhile is caught by comparing the record's raw id and campaign: its lines are then
 * left out rather than pointing at another record.
 */
import { type DocPath, isPlainObject, type ParsedDocument, valueAt } from "./document.ts";
import type { RecordRef } from "./read-document.ts";

/** Where a document sits: the file's position in the import, the piece of a large file, the position. */
export interface DocOrigin {
  file: number;
  chunk: number;
  index: number;
}

/** A document as read, with its origin. */
export interface LocatedDocument extends DocOrigin {
  doc: ParsedDocument;
}

/** Reads one file's documents again (the file's position in the import), in the order first read. */
export type Reread = (file: number) => AsyncIterable<LocatedDocument>;

const keyOf = (o: DocOrigin) => `${o.file}:${o.chunk}:${o.index}`;

export class LineRelocator {
  /** Documents some message needs lines from (their keys), and the files they are in. */
  private readonly wanted = new Set<string>();
  private readonly wantedFiles = new Set<number>();
  private readonly found = new Map<string, ParsedDocument>();
  private loaded = false;

  constructor(private readonly reread: Reread) {}

  /**
   * A record's line lookup, keeping only its origin and raw keys (never its document). Before load() it
   * notes what was asked and answers undefined.
   */
  lookup(origin: DocOrigin, ref: Pick<RecordRef, "path" | "id" | "campaign">): RecordRef["lineAt"] {
    // Copied out: the closure must not hold `origin` or `ref`, which may carry the document itself.
    const { path: recordPath, id, campaign } = ref;
    const key = keyOf(origin);
    const file = origin.file;
    return (path: DocPath) => {
      if (!this.loaded) {
        this.wanted.add(key);
        this.wantedFiles.add(file);
        return undefined;
      }
      const doc = this.found.get(key);
      const record = doc ? valueAt(doc.value, recordPath) : undefined;
      if (!doc || !isPlainObject(record)) return undefined;
      // Not the record first read there (the file changed since): no line rather than a wrong one.
      if (rawString(record.id) !== id || rawString(record.campaign) !== campaign) return undefined;
      return doc.lineAt(path);
    };
  }

  /** Some lookup was asked for a line before load(). */
  get needed(): boolean {
    return !this.loaded && this.wanted.size > 0;
  }

  /** Reads again the files whose lines were asked for; lookups answer from then on. */
  async load(): Promise<void> {
    for (const file of [...this.wantedFiles].sort((a, b) => a - b)) {
      for await (const located of this.reread(file)) {
        const key = keyOf(located);
        if (this.wanted.has(key)) this.found.set(key, located.doc);
      }
    }
    this.loaded = true;
  }
}

function rawString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
