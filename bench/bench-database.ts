/**
 * The database a benchmark runs on: with a server URL, a database of its own made on that server (named
 * after the benchmark and the process) and dropped at the end; else an embedded (PGlite) folder in `work`.
 * `env` is what the bot's configuration reads (DATABASE_URL or DATA_DIR).
 */
import { join } from "node:path";
import postgres from "postgres";

export interface BenchDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function benchDatabase(
  serverUrl: string | undefined,
  work: string,
  bench: string,
): Promise<BenchDatabase> {
  if (!serverUrl) return { env: { DATA_DIR: join(work, "data") }, drop: async () => {} };
  const name = `bench_${bench}_${process.pid}`;
  const admin = postgres(serverUrl, { onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
