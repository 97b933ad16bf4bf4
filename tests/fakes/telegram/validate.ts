/**
 * What Telegram refuses in message content: invalid UTF-16, empty or over-long text (measured after entity
 * parsing, in UTF-16 units), unparseable HTML, bad inline keyboards and bad command menus.
 */
import { type Entity, parseHtml } from "./html.ts";
import { badRequest } from "./errors.ts";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a request must be valid UTF-8 once encoded, so no lone surrogates anywhere. */
export function checkStrings(value: unknown): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) throw badRequest("strings must be encoded in UTF-8");
  } else if (Array.isArray(value)) {
    value.forEach(checkStrings);
  } else if (value && typeof value === "object") {
    Object.values(value).forEach(checkStrings);
  }
}

export interface ParsedText {
  text: string;
  entities: Entity[];
}

export function parseText(raw: unknown, parseMode: unknown, kind: "text" | "caption"): ParsedText {
  if (raw === undefined && kind === "caption") return { text: "", entities: [] };
  if (typeof raw !== "string") throw badRequest(`message ${kind} is empty`);
  if (parseMode !== undefined && parseMode !== "HTML") {
    throw badRequest(`unsupported parse_mode in the fake: ${String(parseMode)}`);
  }
  const parsed = parseMode === "HTML" ? parseHtml(raw) : { text: raw, entities: [] };
  if (kind === "text" && parsed.text.trim() === "") throw badRequest("message text is empty");
  const limit = kind === "text" ? TEXT_LIMIT : CAPTION_LIMIT;
  if (parsed.text.length > limit) {
    throw badRequest(kind === "text" ? "message is too long" : "message caption is too long");
  }
  return parsed;
}

interface Button {
  text?: unknown;
  url?: unknown;
  callback_data?: unknown;
}

function checkButton(button: Button): void {
  if (typeof button.text !== "string" || button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = [
    "url",
    "callback_data",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "login_url",
  ];
  if (actions.filter((a) => a in button).length !== 1) throw badRequest("BUTTON_TYPE_INVALID");
  if ("callback_data" in button) {
    const data = button.callback_data;
    if (typeof data !== "string" || data === "" || Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  if ("url" in button) {
    let ok = false;
    try {
      ok = ["http:", "https:", "tg:"].includes(new URL(String(button.url)).protocol);
    } catch {}
    if (!ok) throw badRequest("BUTTON_URL_INVALID");
  }
}

export function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined) return;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (rows.flat().length > 100) throw badRequest("REPLY_MARKUP_TOO_LONG");
  for (const row of rows) {
    if (!Array.isArray(row))
      throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    row.forEach(checkButton);
  }
}

const SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

export function checkCommands(commands: unknown, scope: unknown): void {
  if (!Array.isArray(commands)) throw badRequest("commands must be an array");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  const names = new Set<string>();
  for (const c of commands as Array<{ command?: unknown; description?: unknown }>) {
    if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))
      throw badRequest("BOT_COMMAND_INVALID");
    if (names.has(c.command)) throw badRequest("BOT_COMMAND_DUPLICATE");
    names.add(c.command);
    const d = c.description;
    if (typeof d !== "string" || d.trim() === "" || d.length > 256)
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
  }
  const given = (scope ?? {}) as { type?: unknown; chat_id?: unknown; user_id?: unknown };
  const type = given.type ?? "default";
  if (typeof type !== "string" || !SCOPES.has(type)) throw badRequest("BOT_COMMAND_SCOPE_INVALID");
  // The scopes for one chat, its admins or one member name that chat (and the member).
  const oneChat = type === "chat" || type === "chat_administrators" || type === "chat_member";
  if (oneChat && given.chat_id === undefined) throw badRequest("chat not found");
  if (type === "chat_member" && typeof given.user_id !== "number") throw badRequest("user not found");
}

/** LinkPreviewOptions: an object of optional fields; `is_disabled` a boolean, `url` a string. */
export function checkLinkPreview(options: unknown): void {
  if (options === undefined) return;
  const o = options as { is_disabled?: unknown; url?: unknown };
  const ok =
    typeof options === "object" &&
    options !== null &&
    (o.is_disabled === undefined || typeof o.is_disabled === "boolean") &&
    (o.url === undefined || typeof o.url === "string");
  if (!ok) throw badRequest("can't parse link preview options JSON object");
}
