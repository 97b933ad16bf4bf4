/**
 * Reads import files one at a time (a large YAML file a document at a time) and hands over what passed
 * validation in batches, for an import that writes as it reads. Every problem is still collected, down to
 * the last file; once there is one, nothing more is handed over (it would only be rolled back), and at
 * the end the batches throw an ImportError with all of them, which rolls the import back. What is kept
 * across files is small: each record's raw keys for the cross-file checks (id, campaign, default,
 * translations' languages, copied out of the file's text) and the lines of those fields, or, for a record
 * of the quick YAML road, where to read them again (line-relocator.ts); no file's text or parsed records
 * outlive its batch.
 */
import { type ImportProblem, ImportError } from "../core/errors.ts";
import type { ImportBatch } from "../core/ports/catalog.ts";
import { detached } from "../core/detached.ts";
import type { Campaign } from "../core/profile.ts";
import { collectFiles, type ImportFile } from "./collect-files.ts";
import { crossCheck } from "./cross-checks.ts";
import { type DocOrigin, LineRelocator, type LocatedDocument } from "./line-relocator.ts";
import { messageOf, parseFile, parseYamlChunk } from "./parse-file.ts";
import type { ReadImportOptions } from "./read-import-files.ts";
import { readFileText, textOf } from "./read-file-text.ts";
import { collectUploaded, type NamedFile } from "./uploaded-files.ts";
import { type RecordRef, readDocument } from "./read-document.ts";
import { NotUtf8, openRegular, STREAMED_FILE_BYTES, yamlChunks } from "./yaml-chunks.ts";
import { translationsKey } from "./translation-refs.ts";

export interface StreamImportOptions extends ReadImportOptions {
  /** Told of each entry of a folder that is not read, as soon as the folders are listed. */
  onSkipped?: (entry: { file: string; reason: string }) => void;
  /** Problems only the whole set of campaigns can show (a second default), asked at the end. */
  checkCampaigns?: (campaigns: Campaign[], files: string[]) => ImportProblem[];
  /** Files from this size on are read a document at a time (default STREAMED_FILE_BYTES). */
  streamFromBytes?: number;
}

/** What the reading found, complete once the batches are exhausted. */
export interface StreamedFiles {
  files: string[];
  skipped: number;
}

/**
 * The record as the cross-file checks need it: its raw keys, and lines they can still find once the
 * record and its document are gone. A parse tree is asked now, for the few fields the checks word
 * messages about; a record of the quick YAML road keeps where it came from (line-relocator.ts), so that
 * no file's text outlives its batch.
 */
function lightRef(ref: RecordRef, origin: DocOrigin, relocator: LineRelocator): RecordRef {
  // Copied, so that no kept string is a slice of its file's text (src/core/detached.ts).
  const { kind, file, path, isDefault } = ref;
  const own = (value: string | undefined) => (value === undefined ? undefined : detached(value));
  const translations = ref.translations.map((t) => ({ index: t.index, language: detached(t.language) }));
  const keys = { kind, file, path, id: own(ref.id), campaign: own(ref.campaign), isDefault, translations };
  const light =
    ref.sourceLanguage === undefined ? keys : { ...keys, sourceLanguage: own(ref.sourceLanguage) };
  if (ref.linesKeepText) return { ...light, lineAt: relocator.lookup(origin, light) };
  const fields: (string | number)[][] = [
    ["id"],
    ["campaign"],
    ["isDefault"],
    ...ref.translations.map((t) => [translationsKey(ref.kind), t.index, "language"]),
  ];
  const lines = new Map(
    fields.map((field) => [field.join("."), ref.lineAt([...ref.path, ...field])] as const),
  );
  return { ...light, lineAt: lineLookup(lines, ref.path.length) };
}

/** Made apart from lightRef: a closure there would keep the whole record (and its document) alive. */
function lineLookup(lines: Map<string, number | undefined>, depth: number): RecordRef["lineAt"] {
  return (path) => lines.get(path.slice(depth).join("."));
}

/** What to import: paths of files and folders on disk, or files uploaded into memory. */
export type ImportSource = readonly string[] | { readonly uploaded: readonly NamedFile[] };

async function collect(source: ImportSource, cwd: string | undefined) {
  if ("uploaded" in source) return { ...collectUploaded(source.uploaded), skipped: [] };
  return collectFiles(source, cwd);
}

export function streamImportFiles(
  source: ImportSource,
  opts: StreamImportOptions = {},
): { batches: AsyncIterable<ImportBatch>; read: StreamedFiles } {
  const read: StreamedFiles = { files: [], skipped: 0 };
  async function* batches(): AsyncGenerator<ImportBatch> {
    const collected = await collect(source, opts.cwd);
    read.skipped = collected.skipped.length;
    for (const entry of collected.skipped) opts.onSkipped?.(entry);
    const problems: ImportProblem[] = [...collected.problems];
    const refs: RecordRef[] = [];
    const campaigns: Campaign[] = [];
    const streamFrom = opts.streamFromBytes ?? STREAMED_FILE_BYTES;
    // Files are read again only for the lines of a problem the checks across files find.
    const relocator = new LineRelocator((n) => documentsOf(n, collected.files[n]!, [], streamFrom));
    let profilesChecked = 0;
    for (const [n, file] of collected.files.entries()) {
      read.files.push(file.display);
      for await (const located of documentsOf(n, file, problems, streamFrom)) {
        const contents = readDocument(file.display, located.doc);
        problems.push(...contents.problems);
        for (const ref of contents.refs) refs.push(lightRef(ref, located, relocator));
        profilesChecked += contents.refs.filter((r) => r.kind === "profile").length;
        // Whole, for the default-campaign check at the end: copies, holding no file's text.
        campaigns.push(...contents.campaigns.map((c) => structuredClone(c)));
        if (problems.length === 0) yield { campaigns: contents.campaigns, profiles: contents.profiles };
      }
      opts.onProgress?.({ filesRead: n + 1, filesTotal: collected.files.length, profilesChecked });
    }
    const known = new Set(opts.knownCampaignIds ?? []);
    let crossProblems = crossCheck(refs, known, opts.knownSourceLanguages);
    if (relocator.needed) {
      await relocator.load();
      crossProblems = crossCheck(refs, known, opts.knownSourceLanguages);
    }
    problems.push(...crossProblems);
    problems.push(...(opts.checkCampaigns?.(campaigns, read.files) ?? []));
    if (problems.length > 0) throw new ImportError(problems);
  }
  return { batches: batches(), read };
}

/**
 * The documents of the n-th file, with where each sits; its problems (syntax, encoding, unreadable) go to
 * `problems`.
 */
async function* documentsOf(
  n: number,
  file: ImportFile,
  problems: ImportProblem[],
  streamFromBytes: number,
): AsyncGenerator<LocatedDocument> {
  try {
    if (file.format === "yaml" && (await isLarge(file, streamFromBytes))) {
      yield* largeYamlDocuments(n, file, problems);
      return;
    }
    const text = file.bytes
      ? textOf(file.bytes, file.display)
      : await readFileText(file.absolute, file.display);
    if ("problem" in text) {
      problems.push(text.problem);
      return;
    }
    const parsed = parseFile(file.display, text.text, file.format);
    problems.push(...parsed.problems);
    for (const [index, doc] of parsed.documents.entries()) yield { file: n, chunk: 0, index, doc };
  } catch (error) {
    // A parser bug or a pathological file must not abort the other files' report.
    problems.push({ file: file.display, path: "", message: `cannot read: ${messageOf(error)}` });
  }
}

async function isLarge(file: ImportFile, streamFromBytes: number): Promise<boolean> {
  // An upload is in memory already, and bounded by the upload limits.
  if (file.bytes) return false;
  try {
    const { handle, size } = await openRegular(file.absolute);
    await handle.close();
    return size >= streamFromBytes;
  } catch {
    return false; // the whole-file path reports it
  }
}

async function* largeYamlDocuments(
  n: number,
  file: ImportFile,
  problems: ImportProblem[],
): AsyncGenerator<LocatedDocument> {
  const { handle } = await openRegular(file.absolute);
  const problemsBefore = problems.length;
  let documents = 0;
  let pieces = 0;
  try {
    for await (const chunk of yamlChunks(handle)) {
      const piece = pieces++;
      const text =
        chunk.firstLine === 1 && chunk.text.startsWith("\uFEFF") ? chunk.text.slice(1) : chunk.text;
      const parsed = parseYamlChunk(file.display, text, chunk.firstLine);
      problems.push(...parsed.problems);
      documents += parsed.documents.length;
      for (const [index, doc] of parsed.documents.entries()) yield { file: n, chunk: piece, index, doc };
    }
    if (documents === 0 && problems.length === problemsBefore) {
      problems.push({ file: file.display, path: "", message: "the file holds no documents" });
    }
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    // The whole file once more, to say where the bad byte is, as for a small file.
    const text = await readFileText(file.absolute, file.display);
    if ("problem" in text) problems.push(text.problem);
  } finally {
    await handle.close();
  }
}
