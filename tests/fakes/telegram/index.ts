/**
 * A fake Telegram Bot API for tests and benchmarks. Point telegraf at `fake.apiRoot`; seed users and chats;
 * push updates (long polling) or post them to the bot's webhook; inject faults; read what was posted.
 */
import type { RateCaps } from "./rate.ts";
import { type CallRecord, type Fault, createWorld, startServer } from "./server.ts";
import type { ChatType, FakeChat, FakeUser, MemberStatus } from "./state.ts";
import { type BuiltUpdate, createUpdateBuilders } from "./updates.ts";
import { createNativeBuilders } from "./updates-native.ts";
import { type BodyDelivery, callWebhook } from "./webhook-client.ts";

export { faults } from "./faults.ts";
export { parseHtml } from "./html.ts";
export { checkInlineResults } from "./inline-results.ts";
export { parseText } from "./validate.ts";
export { GROUP_ANONYMOUS_BOT, TELEGRAM_SERVICE_USER } from "./updates.ts";
export type { CallRecord, Fault } from "./server.ts";
export type { PostedMessage } from "./methods.ts";
export type { RateCaps } from "./rate.ts";
export type { BodyDelivery } from "./webhook-client.ts";

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Flood-control caps; `false` turns them off, a partial object overrides the defaults (rate.ts). */
  caps?: Partial<RateCaps> | false;
  now?: () => number;
}

export type FakeTelegram = Awaited<ReturnType<typeof createFakeTelegram>>;

export async function createFakeTelegram(options: FakeTelegramOptions = {}) {
  const token = options.token ?? "123456789:TEST-fake-token";
  const world = createWorld({
    botUsername: options.botUsername ?? "FreeToBeHomeBot",
    caps: options.caps ?? {},
    now: options.now ?? Date.now,
  });
  const calls: CallRecord[] = [];
  const faultQueues = new Map<string, Fault[]>();
  const waiters = new Set<() => void>();
  const polls: number[] = [];
  const notify = () => waiters.forEach((check) => check());
  const { server, port } = await startServer(token, {
    world,
    calls,
    faults: faultQueues,
    onRecord: notify,
    onPoll: (offset) => {
      polls.push(offset);
      notify();
    },
  });

  function waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs = 3_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`fake Telegram: timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  /** Resolves once the bot polls with at least this offset, i.e. it finished the updates before it. */
  const polledFrom = (minOffset: number, timeoutMs?: number) =>
    waitUntil(() => polls.find((o) => o >= minOffset), `getUpdates with offset ≥ ${minOffset}`, timeoutMs);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot: world.state.bot,
    world,
    calls,
    posted: world.posted,
    updates: createUpdateBuilders(world),
    /** my_chat_member updates and forum topics (updates-native.ts). */
    native: createNativeBuilders(world),

    addUser(user: Partial<FakeUser> & { id: number }): FakeUser {
      const full: FakeUser = { is_bot: false, first_name: `User ${user.id}`, ...user };
      world.state.users.set(full.id, full);
      return full;
    },

    addChat(
      chat: { id: number; type: ChatType; title?: string; username?: string; is_forum?: boolean },
      botStatus: MemberStatus = "administrator",
    ): FakeChat {
      const full: FakeChat = {
        ...chat,
        members: new Map(),
        botStatus,
        messages: new Map(),
        nextMessageId: 1,
      };
      if (chat.type === "private") full.first_name = world.state.users.get(chat.id)?.first_name ?? "User";
      world.state.chats.set(full.id, full);
      return full;
    },

    setMember(chatId: number, userId: number, status: MemberStatus, isAnonymous = false): void {
      const user = world.state.users.get(userId);
      if (!user) throw new Error(`fake Telegram: no user ${userId}`);
      world.state.chat(chatId).members.set(userId, { user, status, is_anonymous: isAnonymous });
    },

    /** The chat is deleted: Telegram answers 400 "chat not found" for it from now on. */
    deleteChat(chatId: number): void {
      world.state.chats.delete(chatId);
    },

    setBotStatus(chatId: number, status: MemberStatus): void {
      world.state.chat(chatId).botStatus = status;
    },

    /** Upgrades a group: the old id answers migrate_to_chat_id, the new supergroup takes over its members. */
    migrate(chatId: number, newId: number): void {
      const old = world.state.chat(chatId);
      old.migratedTo = newId;
      world.state.chats.set(newId, {
        ...old,
        id: newId,
        type: "supergroup",
        migratedTo: undefined,
        messages: new Map(),
        nextMessageId: 1,
      });
    },

    /** Queues an update for getUpdates; queueing the same update twice simulates a redelivery. */
    queueUpdate(update: BuiltUpdate): BuiltUpdate {
      return world.queue.push(update) as BuiltUpdate;
    },

    /**
     * Posts an update the way Telegram calls a webhook: to the URL set by setWebhook (path and query), with
     * its secret. `delivery` chooses how the body travels (webhook-client.ts).
     */
    postToWebhook(
      origin: string,
      update: BuiltUpdate,
      opts: { secret?: string | null; delivery?: BodyDelivery } = {},
    ) {
      if (!world.webhook) throw new Error("fake Telegram: no webhook set");
      const registered = new URL(world.webhook.url);
      return callWebhook({
        url: new URL(`${registered.pathname}${registered.search}`, origin),
        secret: opts.secret === undefined ? world.webhook.secret_token : opts.secret,
        body: JSON.stringify(update),
        delivery: opts.delivery ?? "whole",
      });
    },

    /** The next `times` calls of `method` get `fault` instead of (or, for delay, before) the real answer. */
    failNext(method: string, fault: Fault, times = 1): void {
      const queue = faultQueues.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faultQueues.set(method, queue);
    },

    waitForCall(predicate: (call: CallRecord) => boolean, timeoutMs?: number): Promise<CallRecord> {
      return waitUntil(() => calls.find(predicate), "a matching call", timeoutMs);
    },

    /**
     * Queues an update and resolves once a long-polling bot has handled it: telegraf asks for the next
     * offset only after the batch is done, answer included.
     */
    async handleByPolling(update: BuiltUpdate, timeoutMs = 10_000): Promise<void> {
      world.queue.push(update);
      await polledFrom(update.update_id + 1, timeoutMs);
    },

    /** Resolves once the bot polls with at least this offset, i.e. it finished the updates before it. */
    waitForPoll(minOffset: number, timeoutMs?: number): Promise<number> {
      return polledFrom(minOffset, timeoutMs);
    },

    /** Calls the fake refused by its own rules (not injected faults, not flood control): should be none. */
    rejections(): CallRecord[] {
      return calls.filter((c) => c.status >= 400 && !c.injected && c.status !== 429 && c.status !== 409);
    },

    /** What the bot posted (and edited) in the chat, its deleted messages left out. */
    sentTo(chatId: number) {
      return world.posted.filter((p) => p.chatId === chatId && !p.deleted);
    },
    /** The bot's message as the chat shows it now (after edits); undefined once deleted. */
    messageIn(chatId: number, messageId: number) {
      return world.state.chats.get(chatId)?.messages.get(messageId);
    },
    /** Makes a message look sent `hours` earlier than it was (Telegram's 48-hour delete limit). */
    ageMessage(chatId: number, messageId: number, hours: number) {
      const message = world.state.chats.get(chatId)?.messages.get(messageId);
      if (!message) throw new Error(`no message ${messageId} in chat ${chatId}`);
      message.date -= Math.round(hours * 3600);
    },

    stats() {
      const messagesByChat = new Map<number, number>();
      for (const p of world.posted) {
        if (p.method !== "editMessageText")
          messagesByChat.set(p.chatId, (messagesByChat.get(p.chatId) ?? 0) + 1);
      }
      const limited = calls.filter((c) => c.status === 429);
      return {
        messages: [...messagesByChat.values()].reduce((a, b) => a + b, 0),
        messagesByChat,
        rateLimited: limited.filter((c) => !c.injected).length,
        injected429: limited.filter((c) => c.injected).length,
        calls: calls.length,
      };
    },

    async close(): Promise<void> {
      world.queue.releaseAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
