/**
 * Curation from the command line: import (all or nothing, with a dry run) and profiles takedown /
 * restore. Every change lands in the audit log through the repository.
 */
import type { App } from "../app.ts";
import { UserError } from "../core/errors.ts";
import type { CliContext } from "./context.ts";
import { planImport, runImport } from "./import.ts";
import { stderrProgress } from "./progress.ts";

const actor = (ctx: CliContext) => `cli:${ctx.io.user}`;

export async function runImportCommand(
  ctx: CliContext,
  paths: string[],
  options: { dryRun: boolean },
): Promise<number> {
  return ctx.withApp(async (app) => {
    // The status line is on stderr when it is a terminal; it is gone before the result or an error shows.
    const progress = stderrProgress(ctx.io);
    let report: string;
    try {
      const plan = await planImport(app, paths, ctx.io.cwd, progress);
      report = await runImport(app, plan, actor(ctx), { dryRun: options.dryRun, progress });
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

function notFound(id: string): UserError {
  return new UserError(`No profile with id "${id}" (see: freetobehome profiles list).`, "PROFILE_NOT_FOUND");
}

/**
 * Taking down a profile that is already down succeeds without a change: it is out of sight, which is what
 * the operator wants, and the first takedown's date and reason stay on record (the repository keeps them).
 */
async function takedown(ctx: CliContext, app: App, id: string, reason: string): Promise<number> {
  const at = new Date();
  const stored = await app.repositories.catalog.takedown(id, { reason, actor: actor(ctx), at });
  if (!stored) throw notFound(id);
  const { takedown: record } = stored.profile.publication;
  if (record && record.at !== at.toISOString()) {
    ctx.io.stdout.write(
      `${id} was already taken down on ${record.at} by ${record.by}: ${record.reason}; nothing changed.\n`,
    );
    return 0;
  }
  ctx.io.stdout.write(
    `Taken down: ${id} (${stored.profile.displayName}). It is out of search, rotation and posts now.\n`,
  );
  return 0;
}

/**
 * Only a taken-down profile is restored, and only to the visibility it had (see the repository): restore
 * is never a way to publish a profile its curators withheld.
 */
async function restore(ctx: CliContext, app: App, id: string): Promise<number> {
  const current = await app.repositories.catalog.getProfile(id);
  if (!current) throw notFound(id);
  if (!current.profile.publication.takedown) {
    throw new UserError(
      `${id} is not taken down; nothing changed (it is ${current.profile.publication.visibility}).`,
      "INVALID_ARGUMENTS",
    );
  }
  const stored = await app.repositories.catalog.restore(id, { actor: actor(ctx), at: new Date() });
  if (!stored) throw notFound(id);
  const name = `${id} (${stored.profile.displayName})`;
  ctx.io.stdout.write(
    stored.profile.publication.visibility === "public"
      ? `Restored: ${name} is public again.\n`
      : `Restored: ${name} is no longer taken down but stays withheld: it was withheld before the takedown, ` +
          "its file withholds it, or nothing records it as public. To publish it, import its file with " +
          "publication.visibility: public.\n",
  );
  return 0;
}
