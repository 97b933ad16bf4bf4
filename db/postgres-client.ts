/**
 * A Postgres server through postgres.js: connecting within a deadline, the driver's options, and the first
 * query that proves the server answers.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { NO_ANSWER } from "../src/core/database-unreachable.ts";
import { type Database, type QueryListener, queryLogger } from "./client.ts";
import * as schema from "./schema/index.ts";

/** Seconds to connect, agree the protocol and log in; a server that does not answer fails in this time. */
export const CONNECT_TIMEOUT_S = 5;
/** How long the first query may take once connected; a connection that stalls fails start-up in this time. */
export const FIRST_ANSWER_MS = 8_000;

export const postgresOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
  // Notices (e.g. "relation already exists, skipping" from migrations) are not worth a console line.
  onnotice: () => {},
  // The driver's default is 30 s, and an address that drops packets then fails start-up only after it.
  connect_timeout: CONNECT_TIMEOUT_S,
  // Seconds before reconnecting after failed attempts. The driver's default grows to 20 s during an
  // outage, which would hold the first queries after the server is back; 2 s at most keeps that short.
  backoff: (retries) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 2),
};

/** Connects to the server at `url`; fails within FIRST_ANSWER_MS when it does not answer. */
export async function openPostgres(url: string, onQuery?: QueryListener): Promise<Database> {
  const client = postgres(url, postgresOptions);
  await firstAnswer(client);
  return postgresDatabase(client, onQuery);
}

/**
 * Connects and runs one query within FIRST_ANSWER_MS, so that a server that stops answering once connected
 * fails start-up with an error naming it instead of holding it forever (the connect timeout ends when the
 * login does). On failure the client's connections are dropped and the error is thrown.
 */
async function firstAnswer(client: postgres.Sql): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = FIRST_ANSWER_MS / 1000;
      const error = new Error(`connected, but no answer to a first query within ${seconds} s`);
      reject(Object.assign(error, { code: NO_ANSWER }));
    }, FIRST_ANSWER_MS);
  });
  try {
    await Promise.race([client`select 1`, deadline]);
  } catch (error) {
    await client.end({ timeout: 0 });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a postgres.js client; closing the Database ends its connections. */
export function postgresDatabase(client: postgres.Sql, onQuery?: QueryListener): Database {
  return {
    kind: "postgres",
    client,
    db: drizzle({ client, schema, ...queryLogger(onQuery) }),
    close: () => client.end({ timeout: 5 }),
  };
}
