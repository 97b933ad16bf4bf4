/** `freetobehome migrate`: apply the database migrations and stop. */
import { migrateOnly } from "../app.ts";
import type { Config } from "../config.ts";

export async function runMigrate(config: Config): Promise<number> {
  const kind = await migrateOnly(config);
  process.stdout.write(
    `Migrations applied (${kind === "pglite" ? `embedded database in ${config.DATA_DIR}` : "Postgres server"}).\n`,
  );
  return 0;
}
