/**
 * `export [--out <file>] [--format yaml|json]`: everything importable, as one bundle, read and written a
 * page of profiles at a time so a large catalog never sits in memory whole. A terminal sees how far it
 * got; the one-line summary goes to stderr when the document goes to a file or a pipe (on a terminal,
 * the document itself is the answer). A file is written beside its name and renamed into place at the
 * end, so a failed export leaves no half-written file behind.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { resolve } from "node:path";
import type { Writable } from "node:stream";
import { type ExportWriter, exportWriter } from "../catalog/export-bundle.ts";
import type { CatalogRepository } from "../core/ports/catalog.ts";
import type { Profile } from "../core/profile.ts";
import type { CliContext } from "./context.ts";
import { type Progress, silentProgress, stderrProgress } from "./progress.ts";
import { UsageError } from "./usage.ts";

/** Profiles read per query: a page is the most an export holds at once. */
const PAGE = 1_000;

async function* profilePages(catalog: CatalogRepository, counted: { profiles: number }, progress: Progress) {
  let after = 0;
  for (;;) {
    const page = await catalog.pageProfiles(after, PAGE);
    if (page.length === 0) return;
    after = page.at(-1)!.seq;
    counted.profiles += page.length;
    progress.status(`Exporting: ${counted.profiles} profile(s) written`);
    yield page.map((s): Profile => s.profile);
  }
}

async function* exportText(writer: ExportWriter, pages: AsyncIterable<Profile[]>): AsyncGenerator<string> {
  yield writer.head();
  for await (const page of pages) yield writer.page(page);
  yield writer.tail();
}

async function writeAll(target: Writable, pieces: AsyncIterable<string>): Promise<void> {
  for await (const piece of pieces) {
    if (!target.write(piece)) await once(target, "drain");
  }
}

export async function runExport(
  ctx: CliContext,
  options: { out?: string; format?: "yaml" | "json" },
): Promise<number> {
  const { out } = options;
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a file name");
  const format = options.format ?? (out?.endsWith(".json") ? "json" : "yaml");
  return ctx.withApp(async (app) => {
    const progress = stderrProgress(ctx.io);
    let summary: string;
    try {
      const { catalog } = app.repositories;
      const counts =
        out === undefined
          ? await exportCatalog({ catalog, format, progress }, ctx.io.stdout)
          : await exportToFile({ catalog, format, progress }, resolve(ctx.io.cwd, out));
      summary = `Exported ${counts.campaigns} campaign(s) and ${counts.profiles} profile(s)`;
    } finally {
      progress.clear();
    }
    if (out !== undefined) ctx.io.stderr.write(`${summary} to ${out}.\n`);
    else if (!ctx.io.tty.stdout) ctx.io.stderr.write(`${summary}.\n`);
    return 0;
  });
}

/** What to export and how: the catalog, in which format, with what progress shown. */
export interface ExportJob {
  catalog: CatalogRepository;
  format: "yaml" | "json";
  progress?: Progress;
}

export interface ExportCounts {
  campaigns: number;
  profiles: number;
}

/** Writes the whole catalog to `target`, a page at a time; returns how many records it wrote. */
export async function exportCatalog(job: ExportJob, target: Writable): Promise<ExportCounts> {
  const { catalog, format, progress = silentProgress } = job;
  progress.status("Reading the catalog...", { force: true });
  const campaigns = await catalog.listCampaigns();
  const counted = { profiles: 0 };
  await writeAll(
    target,
    exportText(exportWriter(campaigns, format), profilePages(catalog, counted, progress)),
  );
  return { campaigns: campaigns.length, profiles: counted.profiles };
}

/** The same into a file, written beside it first and renamed into place: never a half-written export. */
export async function exportToFile(job: ExportJob, path: string): Promise<ExportCounts> {
  const partial = `${path}.partial-${process.pid}`;
  const file = createWriteStream(partial);
  try {
    await once(file, "open");
    const counts = await exportCatalog(job, file);
    file.end();
    await once(file, "finish");
    await rename(partial, path);
    return counts;
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
