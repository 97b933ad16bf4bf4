/**
 * Request bodies as Slack accepts them: JSON, or form-encoded with structured fields (blocks, metadata)
 * as JSON strings, which is how @slack/web-api sends them.
 */
import type { IncomingMessage } from "node:http";

/** Form fields whose value is JSON text. */
const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "user_auth_blocks", "view"]);

export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
  if (type === "application/json") {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? parseJsonField(value) : value;
  }
  return out;
}

/** Unparseable JSON stays a string, which the validator then refuses as Slack would. */
function parseJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function readCredentials(req: IncomingMessage): {
  bearer?: string;
  basic: { id?: string; secret?: string };
} {
  const header = req.headers.authorization ?? "";
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basicValue = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!basicValue) return { ...(bearer ? { bearer } : {}), basic: {} };
  const [id, secret] = Buffer.from(basicValue, "base64").toString("utf8").split(":");
  return { basic: { ...(id ? { id } : {}), ...(secret ? { secret } : {}) } };
}
