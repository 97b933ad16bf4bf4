/**
 * Reads import files one at a time (a large YAML file a document at a time) and hands over what passed
 * validation in batches, for an import that writes as it reads. Every problem is still collected, down to
 * the last file; once there is one, nothing more is handed over (it would only be rolled back), and at
 * the end the batches throw an ImportError with all of them, which rolls the import back. What is kept
 * across files is small: each record's id, campaign and the lines of those fields, for the cross-file
 * checks.
 */
import { type ImportProblem, ImportError } from "../core/errors.ts";
import type { ImportBatch } from "../core/ports/catalog.ts";
import type { Campaign } from "../core/profile.ts";
import { collectFiles, type ImportFile } from "./collect-files.ts";
import { crossCheck } from "./cross-checks.ts";
import type { ParsedDocument } from "./document.ts";
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
 * The fields the cross-file checks read, with their lines worked out now so the parse tree can go; on the
 * quick YAML road the lookup keeps only the text and works a line out if a check ever asks for it.
 */
function lightRef(ref: RecordRef): RecordRef {
  if (ref.linesKeepText) return ref;
  const fields: (string | number)[][] = [
    ["id"],
    ["campaign"],
    ["isDefault"],
    ...ref.translations.map((t) => [translationsKey(ref.kind), t.index, "language"]),
  ];
  const lines = new Map(
    fields.map((field) => [field.join("."), ref.lineAt([...ref.path, ...field])] as const),
  );
  return { ...ref, lineAt: lineLookup(lines, ref.path.length) };
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
    let profilesChecked = 0;
    for (const [n, file] of collected.files.entries()) {
      read.files.push(file.display);
      for await (const doc of documentsOf(file, problems, opts.streamFromBytes ?? STREAMED_FILE_BYTES)) {
        const contents = readDocument(file.display, doc);
        problems.push(...contents.problems);
        for (const ref of contents.refs) refs.push(lightRef(ref));
        profilesChecked += contents.refs.filter((r) => r.kind === "profile").length;
        campaigns.push(...contents.campaigns);
        if (problems.length === 0) yield { campaigns: contents.campaigns, profiles: contents.profiles };
      }
      opts.onProgress?.({ filesRead: n + 1, filesTotal: collected.files.length, profilesChecked });
    }
    problems.push(...crossCheck(refs, new Set(opts.knownCampaignIds ?? []), opts.knownSourceLanguages));
    problems.push(...(opts.checkCampaigns?.(campaigns, read.files) ?? []));
    if (problems.length > 0) throw new ImportError(problems);
  }
  return { batches: batches(), read };
}

/** A file's documents; its problems (syntax, encoding, unreadable) go to `problems`. */
async function* documentsOf(
  file: ImportFile,
  problems: ImportProblem[],
  streamFromBytes: number,
): AsyncGenerator<ParsedDocument> {
  try {
    if (file.format === "yaml" && (await isLarge(file, streamFromBytes))) {
      yield* largeYamlDocuments(file, problems);
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
    yield* parsed.documents;
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
  file: ImportFile,
  problems: ImportProblem[],
): AsyncGenerator<ParsedDocument> {
  const { handle } = await openRegular(file.absolute);
  const problemsBefore = problems.length;
  let documents = 0;
  try {
    for await (const chunk of yamlChunks(handle)) {
      const text =
        chunk.firstLine === 1 && chunk.text.startsWith("\uFEFF") ? chunk.text.slice(1) : chunk.text;
      const parsed = parseYamlChunk(file.display, text, chunk.firstLine);
      problems.push(...parsed.problems);
      documents += parsed.documents.length;
      yield* parsed.documents;
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
