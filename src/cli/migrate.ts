/** `freetobehome migrate`: apply the database migrations and stop. */
import { migrateOnly } from "../app.ts";
import type { Config } from "../config.ts";
import { readFlags, refuseArguments } from "./usage.ts";

export async function runMigrate(config: Config, args: string[]): Promise<number> {
  refuseArguments("migrate", readFlags(args, {}).positional);
  const kind = await migrateOnly(config);
  process.stdout.write(
    `Migrations applied (${kind === "pglite" ? `embedded database in ${config.DATA_DIR}` : "Postgres server"}).\n`,
  );
  return 0;
}
