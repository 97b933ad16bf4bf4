/**
 * What the main thread and PGlite's worker thread (pglite-thread.ts, pglite-worker.ts) say to each other.
 * Only plain data crosses a thread: a query's options go over as data (which result types stay text), and a
 * failure as its message and fields, made an Error again on the other side.
 */
import type { PGlite, RowMode } from "@electric-sql/pglite";

export interface PgliteWorkerData {
  dataDir: string;
}

/** A query's options as data: PGlite's parsers are functions, so only "keep this type's text" goes over. */
export interface PortableQueryOptions {
  rowMode?: RowMode;
  /** Type OIDs whose values stay the text Postgres sent (drizzle's parsers for dates and intervals). */
  textTypes?: number[];
  paramTypes?: number[];
}

/** `tx`: the transaction the statement runs in (the id its `begin` was answered with); none, outside one. */
export type PgliteRequest = { id: number } & (
  | { op: "query"; tx?: number; sql: string; params: unknown[]; options: PortableQueryOptions }
  | { op: "exec"; tx?: number; sql: string }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "dump"; compression?: Parameters<PGlite["dumpDataDir"]>[0] }
  | { op: "close" }
);

export type PgliteReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: PortableError }
  | { id: 0; ok: true; value: "ready" }
  | { id: 0; ok: false; error: PortableError };

/** An error's message, stack and its own fields of plain values (PGlite's: code, detail, table, …). */
export interface PortableError {
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export function portableError(err: unknown): PortableError {
  if (!(err instanceof Error)) return { message: String(err), fields: {} };
  const fields: PortableError["fields"] = {};
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      fields[key] = value;
  }
  return { message: err.message, ...(err.stack ? { stack: err.stack } : {}), fields };
}

/**
 * The error again, with the fields readers look for by name (code, table, constraint: see
 * src/cli/query-failure.ts). PGlite puts the failed query's text and parameters on its error; the
 * parameters are the caller's own, put back from the request.
 */
export function errorFrom(portable: PortableError, params?: unknown[]): Error {
  const error = Object.assign(new Error(portable.message), portable.fields);
  if (portable.stack) error.stack = portable.stack;
  if (params && typeof portable.fields.query === "string") Object.assign(error, { params });
  return error;
}
