/**
 * Curation from the command line: import (all or nothing, with a dry run), export, and the profiles
 * list / stale / takedown / restore commands. Every change lands in the audit log through the repository.
 */
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { Config } from "../config.ts";
import { exportBundle } from "../catalog/export-bundle.ts";
import { UserError } from "../core/errors.ts";
import { planImport, runImport } from "./import.ts";
import { listProfiles } from "./profiles-list.ts";
import { readFlags, UsageError } from "./usage.ts";
import { withApp } from "./with-app.ts";

const actor = () => `cli:${userInfo().username}`;

export async function runCatalogCommand(config: Config, command: string, args: string[]): Promise<number> {
  if (command === "import") {
    const { flags, positional } = readFlags(args, { "dry-run": "switch" });
    if (positional.length === 0) throw new UsageError("import needs at least one file or folder");
    return withApp(config, async (app) => {
      const plan = await planImport(app, positional);
      process.stdout.write(
        flags["dry-run"]
          ? await plan.describe("Dry run, nothing written")
          : await runImport(app, plan, actor()),
      );
      return 0;
    });
  }
  if (command === "export") {
    const { flags } = readFlags(args, { out: "value", format: "value" });
    const format =
      flags.format ?? (typeof flags.out === "string" && flags.out.endsWith(".json") ? "json" : "yaml");
    if (format !== "yaml" && format !== "json") throw new UsageError("--format is yaml or json");
    return withApp(config, async (app) => {
      const campaigns = await app.repositories.catalog.listCampaigns();
      const profiles = (await app.repositories.catalog.listProfiles()).map((s) => s.profile);
      const text = exportBundle({ campaigns, profiles }, format);
      if (typeof flags.out === "string") {
        writeFileSync(flags.out, text);
        process.stderr.write(
          `Exported ${campaigns.length} campaign(s) and ${profiles.length} profile(s) to ${flags.out}.\n`,
        );
      } else process.stdout.write(text);
      return 0;
    });
  }
  const [sub, ...rest] = args;
  const { flags, positional } = readFlags(rest, { reason: "value" });
  return withApp(config, async (app) => {
    switch (sub) {
      case "list":
      case "stale":
        process.stdout.write(await listProfiles(app, { staleOnly: sub === "stale" }));
        return 0;
      case "takedown": {
        const id = positional[0];
        if (!id) throw new UsageError("profiles takedown <id> --reason <text>");
        if (typeof flags.reason !== "string" || flags.reason.trim() === "") {
          throw new UsageError("profiles takedown needs --reason <text>: the audit log keeps why");
        }
        const stored = await app.repositories.catalog.takedown(id, {
          reason: flags.reason.trim(),
          actor: actor(),
          at: new Date(),
        });
        if (!stored)
          throw new UserError(
            `No profile with id "${id}" (see: freetobehome profiles list).`,
            "PROFILE_NOT_FOUND",
          );
        process.stdout.write(
          `Taken down: ${id} (${stored.profile.displayName}). It is out of search, rotation and posts now.\n`,
        );
        return 0;
      }
      case "restore": {
        const id = positional[0];
        if (!id) throw new UsageError("profiles restore <id>");
        const stored = await app.repositories.catalog.restore(id, { actor: actor(), at: new Date() });
        if (!stored)
          throw new UserError(
            `No profile with id "${id}" (see: freetobehome profiles list).`,
            "PROFILE_NOT_FOUND",
          );
        process.stdout.write(`Restored: ${id} (${stored.profile.displayName}) is public again.\n`);
        return 0;
      }
      default:
        throw new UsageError("profiles list | stale | takedown <id> --reason <text> | restore <id>");
    }
  });
}
