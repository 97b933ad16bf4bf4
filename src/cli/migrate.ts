/** `freetobehome migrate`: apply the database migrations and stop (opening the app applies them). */
import type { CliContext } from "./context.ts";

export async function runMigrate(ctx: CliContext): Promise<number> {
  return ctx.withApp(async (app) => {
    const where =
      app.database.kind === "pglite" ? `embedded database in ${ctx.config.DATA_DIR}` : "Postgres server";
    ctx.io.stdout.write(`Migrations applied (${where}).\n`);
    return 0;
  });
}
