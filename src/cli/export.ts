/**
 * `export [--out <file>] [--format yaml|json]`: everything importable, as one bundle. A large catalog
 * takes seconds to read and write: a terminal sees each step; the one-line summary goes to stderr when
 * the document goes to a file or a pipe (on a terminal, the document itself is the answer).
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { exportBundle } from "../catalog/export-bundle.ts";
import type { CliContext } from "./context.ts";
import { stderrProgress } from "./progress.ts";
import { UsageError } from "./usage.ts";

export async function runExport(
  ctx: CliContext,
  options: { out?: string; format?: "yaml" | "json" },
): Promise<number> {
  const { out } = options;
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a file name");
  const format = options.format ?? (out?.endsWith(".json") ? "json" : "yaml");
  return ctx.withApp(async (app) => {
    const progress = stderrProgress(ctx.io);
    let text: string;
    let summary: string;
    try {
      progress.status("Reading the catalog...", { force: true });
      const campaigns = await app.repositories.catalog.listCampaigns();
      const profiles = (await app.repositories.catalog.listProfiles()).map((s) => s.profile);
      progress.status(`Writing ${profiles.length} profile(s) as ${format.toUpperCase()}...`, { force: true });
      text = exportBundle({ campaigns, profiles }, format);
      summary = `Exported ${campaigns.length} campaign(s) and ${profiles.length} profile(s)`;
      if (out !== undefined) writeFileSync(resolve(ctx.io.cwd, out), text);
    } finally {
      progress.clear();
    }
    if (out !== undefined) {
      ctx.io.stderr.write(`${summary} to ${out}.\n`);
      return 0;
    }
    ctx.io.stdout.write(text);
    if (!ctx.io.tty.stdout) ctx.io.stderr.write(`${summary}.\n`);
    return 0;
  });
}
