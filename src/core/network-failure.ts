/**
 * Whether a failed platform call surely never reached the platform: the connection was refused, the host
 * could not be found or reached, or connecting timed out. Only then may a post on a platform that cannot
 * drop a duplicate be tried again; any other network failure may have come after the request was written.
 * One list for every adapter, read from the error or its `cause` (undici wraps the system error).
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function codeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("code" in value)) return undefined;
  return typeof value.code === "string" ? value.code : undefined;
}

/** The network error code that shows the request was never sent, if there is one. */
export function neverSentCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return [codeOf(error), codeOf(cause)].find((code) => code !== undefined && NEVER_SENT_CODES.has(code));
}
