/**
 * The Bot API methods the bot uses, against the fake's state. Each handler validates like Telegram, then
 * records and answers; `getUpdates` lives in server.ts because it waits.
 */
import { ApiError, badRequest, tooManyRequests } from "./errors.ts";
import type { Entity } from "./html.ts";
import type { UpdateQueue } from "./queue.ts";
import type { RateLimiter } from "./rate.ts";
import type { FakeChat, FakeState, StoredMessage } from "./state.ts";
import { checkCommands, checkLinkPreview, checkReplyMarkup, parseText } from "./validate.ts";
import { checkInlineResults } from "./inline-results.ts";
import { CHAT_METHODS } from "./methods-chats.ts";

export interface PostedMessage {
  method: "sendMessage" | "sendPhoto" | "editMessageText";
  chatId: number;
  messageId: number;
  /** The text Telegram shows (after entity parsing); the caption for photos. */
  text: string;
  entities: Entity[];
  params: Record<string, unknown>;
  /** The bot deleted it (deleteMessage): it is no longer in the chat. */
  deleted?: boolean;
}

/** Telegram lets a bot delete a message only within 48 hours of its sending (Bot API, deleteMessage). */
export const DELETE_WITHIN_S = 48 * 3600;

export interface FakeWorld {
  state: FakeState;
  limiter: RateLimiter;
  queue: UpdateQueue;
  posted: PostedMessage[];
  /** The menu button: "default" for every private chat, else per private chat id (setChatMenuButton). */
  menuButtons: Map<string, unknown>;
  /** Command menus by scope (`default`, `all_chat_administrators`, …, plus `:<language>` when given). */
  commands: Map<string, Array<{ command: string; description: string }>>;
  webhook: { url: string; secret_token?: string } | undefined;
  /** Inline and callback query ids the fake issued and nobody has answered yet. */
  openQueries: Set<string>;
  inlineAnswers: Array<{ queryId: string; results: unknown[]; params: Record<string, unknown> }>;
  /** `showAlert`: shown as an alert the person dismisses, not a passing notice. */
  callbackAnswers: Array<{ queryId: string; text?: string; showAlert?: true }>;
}

type Params = Record<string, unknown>;
type Handler = (world: FakeWorld, params: Params) => unknown;

function admit(world: FakeWorld, chat: FakeChat): void {
  const retryAfter = world.limiter.admit(chat.id, chat.type === "group" || chat.type === "supergroup");
  if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
}

function checkReplyTo(chat: FakeChat, p: Params): void {
  const reply = p.reply_parameters as
    | { message_id?: unknown; allow_sending_without_reply?: boolean }
    | undefined;
  const id = reply?.message_id ?? p.reply_to_message_id;
  if (id === undefined || reply?.allow_sending_without_reply) return;
  if (typeof id !== "number" || !chat.messages.has(id)) throw badRequest("message to be replied not found");
}

function post(
  world: FakeWorld,
  method: PostedMessage["method"],
  chat: FakeChat,
  p: Params,
  content: Partial<StoredMessage>,
) {
  const message = world.state.store(chat, { from: world.state.bot, ...content });
  const text = String(content.text ?? content.caption ?? "");
  const entities = (content.entities ?? content.caption_entities ?? []) as Entity[];
  world.posted.push({ method, chatId: chat.id, messageId: message.message_id, text, entities, params: p });
  return message;
}

function scopeKey(p: Params): string {
  const scope = (p.scope as { type?: string } | undefined)?.type ?? "default";
  return typeof p.language_code === "string" && p.language_code ? `${scope}:${p.language_code}` : scope;
}

export const METHODS: Record<string, Handler> = {
  ...CHAT_METHODS,

  getMe: (w) => ({
    ...w.state.bot,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
  }),

  sendMessage(w, p) {
    const chat = w.state.chatToPost(p.chat_id);
    w.state.assertCanPost(chat);
    w.state.assertThread(chat, p.message_thread_id);
    checkLinkPreview(p.link_preview_options);
    const parsed = parseText(p.text, p.parse_mode, "text");
    checkReplyMarkup(p.reply_markup);
    checkReplyTo(chat, p);
    admit(w, chat);
    const entities = parsed.entities.length > 0 ? { entities: parsed.entities } : {};
    return post(w, "sendMessage", chat, p, { text: parsed.text, ...entities, reply_markup: p.reply_markup });
  },

  sendPhoto(w, p) {
    const chat = w.state.chatToPost(p.chat_id);
    w.state.assertCanPost(chat);
    w.state.assertThread(chat, p.message_thread_id);
    if (typeof p.photo !== "string" || p.photo === "") throw badRequest("there is no photo in the request");
    const parsed = parseText(p.caption, p.parse_mode, "caption");
    checkReplyMarkup(p.reply_markup);
    checkReplyTo(chat, p);
    admit(w, chat);
    const photo = [
      { file_id: `photo-${chat.id}-${chat.nextMessageId}`, file_unique_id: "u", width: 640, height: 640 },
    ];
    return post(w, "sendPhoto", chat, p, { photo, caption: parsed.text, caption_entities: parsed.entities });
  },

  editMessageText(w, p) {
    if (p.inline_message_id !== undefined) throw badRequest("inline messages are not supported by the fake");
    const chat = w.state.chat(p.chat_id);
    const message = w.state.message(chat, p.message_id);
    if (message.from?.id !== w.state.bot.id || message.text === undefined)
      throw badRequest("message can't be edited");
    const parsed = parseText(p.text, p.parse_mode, "text");
    checkReplyMarkup(p.reply_markup);
    if (
      parsed.text === message.text &&
      JSON.stringify(p.reply_markup) === JSON.stringify(message.reply_markup)
    ) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    Object.assign(message, {
      text: parsed.text,
      entities: parsed.entities,
      reply_markup: p.reply_markup,
      edit_date: Math.floor(Date.now() / 1000),
    });
    w.posted.push({
      method: "editMessageText",
      chatId: chat.id,
      messageId: message.message_id,
      text: parsed.text,
      entities: parsed.entities,
      params: p,
    });
    return message;
  },

  /**
   * As documented: a bot deletes its own message if it was sent less than 48 hours ago (older: "message
   * can't be deleted"); one that is not there: "message to delete not found"; someone else's message needs
   * admin rights, which the fake leaves out ("message can't be deleted").
   */
  deleteMessage(w, p) {
    const chat = w.state.chat(p.chat_id);
    const message = typeof p.message_id === "number" ? chat.messages.get(p.message_id) : undefined;
    if (!message) throw badRequest("message to delete not found");
    if (message.from?.id !== w.state.bot.id) throw badRequest("message can't be deleted");
    if (Math.floor(Date.now() / 1000) - message.date >= DELETE_WITHIN_S)
      throw badRequest("message can't be deleted");
    chat.messages.delete(message.message_id);
    for (const posted of w.posted)
      if (posted.chatId === chat.id && posted.messageId === message.message_id) posted.deleted = true;
    return true;
  },

  setMyCommands(w, p) {
    checkCommands(p.commands, p.scope);
    // The Bot API documents "a two-letter ISO 639-1 language code", or none for everyone else.
    const code = p.language_code;
    if (code !== undefined && code !== "" && (typeof code !== "string" || !/^[a-z]{2}$/.test(code)))
      throw badRequest("language code is invalid");
    w.commands.set(scopeKey(p), p.commands as Array<{ command: string; description: string }>);
    return true;
  },

  getMyCommands: (w, p) => w.commands.get(scopeKey(p)) ?? [],

  answerInlineQuery(w, p) {
    const id = String(p.inline_query_id);
    if (!w.openQueries.delete(`inline:${id}`))
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    checkInlineResults(p.results);
    w.inlineAnswers.push({ queryId: id, results: p.results as unknown[], params: p });
    return true;
  },

  answerCallbackQuery(w, p) {
    const id = String(p.callback_query_id);
    if (typeof p.text === "string" && p.text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    if (!w.openQueries.delete(`callback:${id}`))
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    w.callbackAnswers.push({
      queryId: id,
      text: typeof p.text === "string" ? p.text : undefined,
      ...(p.show_alert === true ? { showAlert: true } : {}),
    });
    return true;
  },

  setWebhook(w, p) {
    const url = typeof p.url === "string" ? p.url : "";
    if (url === "") return METHODS.deleteWebhook!(w, p);
    if (!url.startsWith("https://"))
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    const secret = p.secret_token;
    if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw badRequest("secret token contains unallowed characters");
    }
    if (p.drop_pending_updates) w.queue.clear();
    w.webhook = { url, secret_token: secret as string | undefined };
    return true;
  },

  deleteWebhook(w, p) {
    if (p.drop_pending_updates) w.queue.clear();
    w.webhook = undefined;
    return true;
  },

  getWebhookInfo: (w) => ({
    url: w.webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: w.queue.size,
  }),
};

export function unknownMethod(): ApiError {
  return new ApiError(404, "Not Found: method not found");
}
