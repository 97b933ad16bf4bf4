/**
 * Messages of zod schemas in the reader's language. A schema's error is a string, fixed when the schema is
 * defined, before anyone's language is known: so it names a catalog key, alone or with its values
 * (`schemaMessage`), and the dispatcher translates it (`readSchemaMessage`).
 */
import { isMessageKey, type MessageKey, type MessageValues } from "./translator.ts";

const MARK = "\u0000i18n:";

/** A schema error that is said in the reader's language: a key, and the values it needs. */
export function schemaMessage(key: MessageKey, values?: MessageValues): string {
  return values ? `${MARK}${JSON.stringify({ key, values })}` : key;
}

/** The key and values of a schema's error, or undefined for one no schema named (zod's own wording). */
export function readSchemaMessage(message: string): { key: MessageKey; values?: MessageValues } | undefined {
  if (isMessageKey(message)) return { key: message };
  if (!message.startsWith(MARK)) return undefined;
  const parsed = JSON.parse(message.slice(MARK.length)) as { key: string; values: MessageValues };
  return isMessageKey(parsed.key) ? { key: parsed.key, values: parsed.values } : undefined;
}
