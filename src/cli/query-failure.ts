/**
 * What a command says when the database refused one of its statements. The query builder's error carries
 * the whole SQL text and every bound parameter (for an import, megabytes of profile data) in its message;
 * a person needs one line: which kind of statement, on which table, and the database's own message and
 * SQLSTATE. The rest (the SQL text, the driver's detail) is for the debug log, with the parameters
 * counted, never written out. Read by shape, not class: src/ never imports the database driver.
 */
import { errorChain } from "../core/database-unreachable.ts";

export interface QueryFailure {
  /** One line for the terminal: no SQL parameters, no profile data. */
  line: string;
  /** For the debug log: the statement with its placeholders, and the parameters redacted. */
  detail: Record<string, unknown>;
}

/** Longest SQL text the debug log keeps: a chunked insert's placeholders alone run to hundreds of kB. */
const LOGGED_SQL_CHARS = 2_000;

const STATEMENT =
  /^\s*(insert\s+into|update|delete\s+from|select\b[\s\S]*?\bfrom|with|create|alter|drop)\s+("[^"]+"|[\w.]+)?/i;

/** The kind of statement (insert, update, …) and the table it names first, from its SQL text. */
export function statementOf(query: string): { kind: string; table?: string } {
  const match = STATEMENT.exec(query);
  const kind = (match?.[1] ?? query.trim().split(/\s+/)[0] ?? "query").split(/\s+/)[0]!.toLowerCase();
  const table = match?.[2]?.replaceAll('"', "");
  return kind === "with" || !table ? { kind } : { kind, table };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The failed statement's description, or undefined when `error` is not a failed database statement. */
export function queryFailure(error: unknown): QueryFailure | undefined {
  const links = [...errorChain(error)];
  const failed = links.find((link) => typeof link.query === "string" && Array.isArray(link.params));
  if (!failed) return undefined;
  const query = failed.query as string;
  const params = failed.params as unknown[];
  // The driver's error (postgres.js or PGlite) below the query builder's: its message and SQLSTATE.
  const driver = links.slice(links.indexOf(failed) + 1).find((link) => text(link.message));
  const statement = statementOf(query);
  const table = statement.table ?? text(driver?.table_name) ?? text(driver?.table);
  const message = (text(driver?.message) ?? "no message").split("\n")[0];
  const code = text(driver?.code);
  const what = table ? `${statement.kind} on table ${table}` : statement.kind;
  const line = `the database refused a statement (${what}): ${message}${code ? ` (SQLSTATE ${code})` : ""}`;
  const detail: Record<string, unknown> = {
    statement: statement.kind,
    ...(table ? { table } : {}),
    ...(code ? { code } : {}),
    message,
    sql:
      query.length > LOGGED_SQL_CHARS
        ? `${query.slice(0, LOGGED_SQL_CHARS)}… (${query.length} chars)`
        : query,
    params: `[redacted: ${params.length} parameters]`,
  };
  // Not the driver's "detail": for a refused row it can repeat the row's values ("Failing row contains …").
  for (const field of ["hint", "where", "constraint", "column", "schema"]) {
    const value = text(driver?.[field]) ?? text(driver?.[`${field}_name`]);
    if (value) detail[field] = value;
  }
  return { line, detail };
}
