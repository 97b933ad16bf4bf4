/** answerInlineQuery's checks: at most 50 results, unique ids of 1–64 bytes, valid message content. */
import { badRequest } from "./errors.ts";
import { checkReplyMarkup, parseText } from "./validate.ts";

interface Result {
  type?: unknown;
  id?: unknown;
  title?: unknown;
  input_message_content?: { message_text?: unknown; parse_mode?: unknown };
  reply_markup?: unknown;
}

export function checkInlineResults(results: unknown): void {
  if (!Array.isArray(results)) throw badRequest("results must be an array");
  if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const r of results as Result[]) {
    if (typeof r.id !== "string" || r.id === "" || Buffer.byteLength(r.id) > 64)
      throw badRequest("RESULT_ID_INVALID");
    if (ids.has(r.id)) throw badRequest("RESULT_ID_DUPLICATE");
    ids.add(r.id);
    if (r.type !== "article") throw badRequest(`unsupported result type in the fake: ${String(r.type)}`);
    if (typeof r.title !== "string" || r.title.trim() === "") throw badRequest("RESULT_TITLE_EMPTY");
    const content = r.input_message_content;
    if (!content) throw badRequest("input_message_content is required");
    try {
      parseText(content.message_text, content.parse_mode, "text");
    } catch (err) {
      // Telegram words these differently inside inline results.
      const text = (err as Error).message;
      if (text.includes("too long")) throw badRequest("MESSAGE_TOO_LONG");
      if (text.includes("empty")) throw badRequest("MESSAGE_EMPTY");
      throw err;
    }
    checkReplyMarkup(r.reply_markup);
  }
}
