/**
 * drizzle-kit configuration: `npm run db:generate` writes SQL migrations from db/schema into db/migrations.
 * Generating needs no database; DATABASE_URL is read only by commands that talk to one (push, studio).
 */
import { defineConfig } from "drizzle-kit";

const url = process.env.DATABASE_URL;

export default defineConfig({
  dialect: "postgresql",
  // The whole folder, so a new schema file (e.g. the delivery ledger) is picked up without editing this.
  schema: "./db/schema",
  out: "./db/migrations",
  strict: true,
  verbose: true,
  ...(url ? { dbCredentials: { url } } : {}),
});
