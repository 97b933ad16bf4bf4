/**
 * Curation from the command line: import (all or nothing, with a dry run), export, and the profiles
 * list / stale / takedown / restore commands. Every change lands in the audit log through the repository.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { App } from "../app.ts";
import { exportBundle } from "../catalog/export-bundle.ts";
import { planImport, runImport } from "./import.ts";
import { createProgress } from "./progress.ts";
import { listProfiles } from "./profiles-list.ts";
import { quoteWords, readFlags, refuseArguments, UsageError } from "./usage.ts";
import type { CliContext } from "./context.ts";

const actor = (ctx: CliContext) => `cli:${ctx.io.user}`;

export async function runCatalogCommand(ctx: CliContext, command: string, args: string[]): Promise<number> {
  if (command === "import") {
    const { flags, positional } = readFlags(args, { "dry-run": "switch" });
    if (positional.length === 0) throw new UsageError("import needs at least one file or folder");
    return ctx.withApp(async (app) => {
      // The status line is on stderr when it is a terminal; it is gone before the result or an error shows.
      const progress = createProgress({ write: (t) => ctx.io.stderr.write(t), isTTY: ctx.io.tty.stderr });
      let report: string;
      try {
        const plan = await planImport(app, positional, ctx.io.cwd, progress);
        report = await runImport(app, plan, actor(ctx), { dryRun: flags["dry-run"] === true, progress });
      } finally {
        progress.clear();
      }
      ctx.io.stdout.write(report);
      return 0;
    });
  }
  if (command === "export") {
    const { flags, positional } = readFlags(args, { out: "value", format: "value" });
    refuseArguments("export", positional);
    const format =
      flags.format ?? (typeof flags.out === "string" && flags.out.endsWith(".json") ? "json" : "yaml");
    if (format !== "yaml" && format !== "json") throw new UsageError("--format is yaml or json");
    return ctx.withApp(async (app) => {
      const campaigns = await app.repositories.catalog.listCampaigns();
      const profiles = (await app.repositories.catalog.listProfiles()).map((s) => s.profile);
      const text = exportBundle({ campaigns, profiles }, format);
      if (typeof flags.out === "string") {
        writeFileSync(resolve(ctx.io.cwd, flags.out), text);
        ctx.io.stderr.write(
          `Exported ${campaigns.length} campaign(s) and ${profiles.length} profile(s) to ${flags.out}.\n`,
        );
      } else ctx.io.stdout.write(text);
      return 0;
    });
  }
  const [sub, ...rest] = args;
  switch (sub) {
    case "list":
    case "stale": {
      refuseArguments(`profiles ${sub}`, readFlags(rest, {}).positional);
      return ctx.withApp(async (app) => {
        ctx.io.stdout.write(await listProfiles(app, { staleOnly: sub === "stale" }));
        return 0;
      });
    }
    case "takedown": {
      const { flags, positional } = readFlags(rest, { reason: "value" });
      const [id, ...extra] = positional;
      if (!id) throw new UsageError("profiles takedown <id> --reason <text>");
      if (extra.length > 0) {
        const hint = typeof flags.reason === "string" ? quoteReasonHint(rest, flags.reason, extra) : "";
        throw new UsageError(`profiles takedown takes one id (unexpected: ${quoteWords(extra)})${hint}`);
      }
      if (typeof flags.reason !== "string" || flags.reason.trim() === "") {
        throw new UsageError("profiles takedown needs --reason <text>: the audit log keeps why");
      }
      const reason = flags.reason.trim();
      return ctx.withApp((app) => takedown(ctx, app, id, reason));
    }
    case "restore": {
      const [id, ...extra] = readFlags(rest, {}).positional;
      if (!id) throw new UsageError("profiles restore <id>");
      if (extra.length > 0)
        throw new UsageError(`profiles restore takes one id (unexpected: ${quoteWords(extra)})`);
      return ctx.withApp((app) => restore(ctx, app, id));
    }
    default:
      throw new UsageError("profiles list | stale | takedown <id> --reason <text> | restore <id>");
  }
}

/**
 * `--reason family request` takes only "family" as the reason; the likely intent is one reason of several
 * words, so the hint shows it quoted when the extra words follow the reason, and how to quote otherwise.
 */
function quoteReasonHint(args: readonly string[], reason: string, extra: readonly string[]): string {
  const before = args[args.length - extra.length - 1];
  const followsReason =
    args.slice(-extra.length).join("\0") === extra.join("\0") &&
    (before === reason || before === `--reason=${reason}`);
  const example = followsReason ? [reason, ...extra].join(" ") : "family request";
  return `; quote a reason of several words: --reason "${example}"`;
}

/** Taking down a profile that is already down changes nothing: it is out of sight, as the operator wants. */
async function takedown(ctx: CliContext, app: App, id: string, reason: string): Promise<number> {
  const result = await app.services.curation.takedown(id, { reason, actor: actor(ctx) });
  if (result.kind === "already") {
    const { at, by, reason: first } = result.record;
    ctx.io.stdout.write(`${id} was already taken down on ${at} by ${by}: ${first}; nothing changed.\n`);
    return 0;
  }
  ctx.io.stdout.write(
    `Taken down: ${id} (${result.profile.profile.displayName}). It is out of search, rotation and posts now.\n`,
  );
  return 0;
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
