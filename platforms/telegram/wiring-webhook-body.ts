/**
 * Reading a webhook request ourselves. telegraf 4.16 decodes the body chunk by chunk (`body +=
 * String(chunk)`), so a multi-byte UTF-8 character split across two TCP chunks turns into U+FFFD and
 * `/prisoner Məmmədov` finds no one; we join the raw bytes first and decode once.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Update } from "telegraf/types";

/** Updates are a few KB; a megabyte leaves room for the largest message while bounding what we buffer. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor() {
    super(`webhook body over ${MAX_BODY_BYTES} bytes`);
  }
}

/** The whole body decoded as UTF-8; rejects with BodyTooLarge (before buffering it) past `limit` bytes. */
export function readUtf8Body(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  // Events rather than `for await`: leaving that loop early destroys the socket, and with it our 413.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const refuse = () => {
      req.off("data", collect);
      req.resume(); // discard the rest unbuffered until the 413 closes the connection
      reject(new BodyTooLarge());
    };
    // A chunked body has no declared length, and a declared one may lie: count what actually arrives.
    const collect = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return refuse();
      chunks.push(chunk);
    };
    if (Number(req.headers["content-length"]) > limit) return refuse();
    req.on("data", collect);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
    // Settles nothing after "end"; before it, the client went away mid-body.
    req.once("close", () => reject(new Error("webhook request closed before its body ended")));
  });
}

/** The update in a webhook body, or undefined when it isn't a JSON object. */
export function parseUpdate(text: string): Update | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    // telegraf validates nothing either; an object is what its middleware can safely look into.
    return typeof parsed === "object" && parsed !== null ? (parsed as Update) : undefined;
  } catch {
    return undefined;
  }
}

/** Constant-time comparison, so the secret can't be guessed byte by byte from response timings. */
export function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
