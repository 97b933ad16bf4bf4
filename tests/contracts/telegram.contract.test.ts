/**
 * Telegram against the adapter contract: the real adapter (real telegraf, long polling) against the local
 * fake Bot API (tests/fakes/telegram), which parses our HTML as Telegram does and refuses what it refuses.
 */
import { createTelegramAdapter } from "../../platforms/telegram/index.ts";
import { type ChannelRef, channelRef } from "../../src/core/channel.ts";
import { type CallRecord, type PostedMessage, createFakeTelegram, faults } from "../fakes/telegram/index.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import { type ContractHarness, adapterContract, type SentMessage } from "./adapter-contract.ts";

const MEMBER = 501;
const ADMIN = 502;
/** A member whose Telegram runs in Spanish and who has started the bot (so it may write to them). */
const PRESSER = 503;
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
/** Telegram makes `@name` (5–32 characters) a mention wherever it stands as a word. */
const AUTO_MENTION = /(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b/g;

interface TelegramBody {
  message: PostedMessage;
  /** Calls of this answer Telegram refused. */
  refusals: CallRecord[];
}

const sent = (message: PostedMessage, refusals: CallRecord[] = []): SentMessage => ({
  body: { message, refusals } satisfies TelegramBody,
  text: message.text,
});

function pings(sentMessage: SentMessage): string[] {
  const { message } = sentMessage.body as TelegramBody;
  const entities = message.entities.filter((e) => e.type === "mention" || e.type === "text_mention");
  return [
    ...entities.map((e) => message.text.slice(e.offset, e.offset + e.length)),
    ...(message.text.match(AUTO_MENTION) ?? []),
  ];
}

type KeyboardButton = { text: string; url?: string; callback_data?: string };

function keyboardOf(message: SentMessage): KeyboardButton[] {
  const { message: posted } = message.body as TelegramBody;
  const markup = posted.params.reply_markup as { inline_keyboard?: KeyboardButton[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
}

const telegramHarness: ContractHarness = {
  platform: "telegram",
  async start(bot) {
    // Roomy flood caps: the contract runs every command in every language in one group (over 300 messages
    // in seconds), far faster than people would. Caps it reaches only add waits (each 429 costs a second) and
    // prove nothing here: the 429 case injects its own (rateLimitNext), and refusals leave 429s out.
    const cap = { burst: 2_000, perSecond: 100 };
    const fake = await createFakeTelegram({ caps: { perChat: cap, perGroup: cap, global: cap } });
    for (const id of [MEMBER, ADMIN]) fake.addUser({ id, first_name: `User ${id}` });
    fake.addUser({ id: PRESSER, first_name: "Presser", language_code: "es" });
    fake.addChat({ id: PRESSER, type: "private" }, "member");
    let nextChat = -100_300_000;
    const newChat = () => {
      const id = nextChat--;
      fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
      fake.setMember(id, MEMBER, "member");
      fake.setMember(id, ADMIN, "administrator");
      fake.setMember(id, PRESSER, "member");
      return id;
    };
    const group = newChat();
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      dispatch: bot.dispatch,
      inlineResults: async () => [],
      commands: bot.commands,
      logger: createMemoryLogger(),
      sendTimeoutMs: 5_000,
    });
    await adapter.registerCommands();
    await adapter.start();
    const chatOf = (ref: ChannelRef) => Number(ref.split(":")[1]);
    return {
      adapter,
      async run(command, as) {
        const before = { posted: fake.sentTo(group).length, refused: fake.rejections().length };
        const update = fake.updates.message(
          group,
          as === "member" ? MEMBER : ADMIN,
          `/${command.name} ${command.text}`.trim(),
        );
        fake.queueUpdate(update);
        // telegraf polls again only once the update was handled, answer included.
        await fake.waitForPoll(update.update_id + 1, 10_000);
        const refusals = fake.rejections().slice(before.refused);
        return fake
          .sentTo(group)
          .slice(before.posted)
          .map((m) => sent(m, refusals));
      },
      limitProblems(message) {
        const { message: posted, refusals } = message.body as TelegramBody;
        const max = posted.method === "sendPhoto" ? CAPTION_MAX : TEXT_MAX;
        return [
          ...refusals.map((r) => `${r.method} refused: ${r.description}`),
          ...(posted.text.length > max ? [`${posted.text.length} characters (at most ${max})`] : []),
        ];
      },
      pings,
      members: true,
      posts: {
        newChannel: () => channelRef(`telegram:${newChat()}`),
        kill: (ref) => fake.deleteChat(chatOf(ref)),
        requestsTo: (ref) =>
          fake.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === chatOf(ref)).length,
        // An edit replaces its message where it stands: the chat holds each message once, as last edited.
        messagesIn: (ref) => {
          const held = new Map<number, PostedMessage>();
          for (const m of fake.sentTo(chatOf(ref))) held.set(m.messageId, m);
          return [...held.values()].map((m) => sent(m));
        },
        pings,
        rateLimitNext: (_ref, seconds) => fake.failNext("sendMessage", faults.tooManyRequests(seconds)),
        retraction: {
          shown(ref, message) {
            const stored = fake.messageIn(chatOf(ref), Number(message.messageId));
            return stored ? { text: String(stored.text ?? "") } : "deleted";
          },
          // Telegram's own limit: a bot deletes a message only within 48 hours of sending it.
          makeUndeletable: (ref, message) => fake.ageMessage(chatOf(ref), Number(message.messageId), 49),
        },
        lastMessageRef: (ref) => ({
          channelId: String(chatOf(ref)),
          messageId: String(fake.sentTo(chatOf(ref)).at(-1)?.messageId ?? "none"),
        }),
      },
      buttons: {
        labels: (message) => keyboardOf(message).map((b) => b.text),
        async press(message, label) {
          const { message: posted } = message.body as TelegramBody;
          const button = keyboardOf(message).find((b) => b.text === label);
          if (!button?.callback_data) throw new Error(`no callback button ${label}`);
          const before = { dm: fake.sentTo(PRESSER).length, chat: fake.sentTo(posted.chatId).length };
          const refusedBefore = fake.rejections().length;
          const update = fake.updates.callbackQuery(
            posted.chatId,
            posted.messageId,
            PRESSER,
            button.callback_data,
          );
          fake.queueUpdate(update);
          await fake.waitForPoll(update.update_id + 1, 10_000);
          const refusals = fake.rejections().slice(refusedBefore);
          return {
            privately: fake
              .sentTo(PRESSER)
              .slice(before.dm)
              .map((m) => sent(m, refusals)),
            publicly: fake
              .sentTo(posted.chatId)
              .slice(before.chat)
              .map((m) => sent(m)),
          };
        },
        knowsPresserLanguage: true,
      },
      async stop() {
        await adapter.stop();
        await fake.close();
      },
    };
  },
};

adapterContract(telegramHarness);
