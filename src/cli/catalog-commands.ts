/**
 * Curation from the command line: import (all or nothing, with a dry run) and profiles takedown /
 * restore. Every change lands in the audit log through the repository.
 */
import type { App } from "../app.ts";
import type { CliContext } from "./context.ts";
import { importFiles } from "./import.ts";
import { collectSoonerForImport } from "./import-heap.ts";
import { stderrProgress } from "./progress.ts";

const actor = (ctx: CliContext) => `cli:${ctx.io.user}`;

export async function runImportCommand(
  ctx: CliContext,
  paths: string[],
  options: { dryRun: boolean },
): Promise<number> {
  if (!ctx.inBot) collectSoonerForImport();
  return ctx.withApp(async (app) => {
    // The status line is on stderr when it is a terminal; it is gone before the result or an error shows.
    const progress = stderrProgress(ctx.io);
    let report: string;
    try {
      report = await importFiles(app.repositories.catalog, paths, {
        cwd: ctx.io.cwd,
        actor: actor(ctx),
        dryRun: options.dryRun,
        progress,
        retractPostsOf: (ids) => app.services.curation.retractPostsOf(ids),
      });
    } finally {
      progress.clear();
    }
    ctx.io.stdout.write(report);
    return 0;
  });
}

export async function runTakedown(ctx: CliContext, id: string, reason: string): Promise<number> {
  return ctx.withApp((app) => takedown(ctx, app, id, reason));
}

export async function runRestore(ctx: CliContext, id: string): Promise<number> {
  return ctx.withApp((app) => restore(ctx, app, id));
}

/** Taking down a profile that is already down changes nothing: it is out of sight, as the operator wants. */
async function takedown(ctx: CliContext, app: App, id: string, reason: string): Promise<number> {
  const result = await app.services.curation.takedown(id, { reason, actor: actor(ctx) });
  if (result.kind === "already") {
    const { at, by, reason: first } = result.record;
    ctx.io.stdout.write(`${id} was already taken down on ${at} by ${by}: ${first}; nothing changed.\n`);
    ctx.io.stdout.write(retractionLine(result.retractions));
    return 0;
  }
  ctx.io.stdout.write(
    `Taken down: ${id} (${result.profile.profile.displayName}). It is out of search, rotation and posts now.\n`,
  );
  ctx.io.stdout.write(retractionLine(result.retractions));
  return 0;
}

/** Nothing when no post is owed a retraction, so the usual answer stays one line. */
function retractionLine(count: number): string {
  if (count === 0) return "";
  const posts = count === 1 ? "1 post" : `${count} posts`;
  return `${posts} already delivered will be withdrawn by the next delivery pass (a running bot's, within a minute, or freetobehome deliver); see: freetobehome deliveries show <profile>.\n`;
}

/** Restore is never a way to publish a profile its curators withheld (see the curation service). */
async function restore(ctx: CliContext, app: App, id: string): Promise<number> {
  const { profile } = await app.services.curation.restore(id, { actor: actor(ctx) });
  const name = `${id} (${profile.displayName})`;
  ctx.io.stdout.write(
    profile.publication.visibility === "public"
      ? `Restored: ${name} is public again.\n`
      : `Restored: ${name} is no longer taken down but stays withheld: it was withheld before the takedown, ` +
          "its file withholds it, or nothing records it as public. To publish it, import its file with " +
          "publication.visibility: public.\n",
  );
  return 0;
}
