/**
 * "What you can do" under a daily post in a group, end to end through the real telegraf and the fake Bot
 * API: Telegram has no ephemeral messages, so the answer goes to the presser's private chat with the bot
 * when they have started it, and otherwise the button's answer (an alert) points them to the bot's t.me
 * link; the group itself never sees anything. The answer is in the presser's app language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TelegramAdapter, createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { channelRef } from "../../../src/core/channel.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Dispatch, OutboundPost } from "../../../src/core/platform.ts";
import type { CommandInvocation } from "../../../src/core/command.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import { recordingLogger, sampleCard, sampleShare, testCommands } from "./harness.ts";

const BOT = "freetobehome_test_bot";
const STRANGER = 601;
const FRIEND = 602;
const GROUP = -100_600_000;

describe("What you can do, pressed on Telegram", () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  const logger = recordingLogger();
  const invocations: CommandInvocation[] = [];
  // Answers `act` as the core does: privately, in the presser's language (their app's, when we speak it).
  const dispatch: Dispatch = async (invocation) => {
    invocations.push(invocation);
    const tr = translatorFor(invocation.locale);
    const text = tr.t("act.heading", { name: `profile ${invocation.text}` });
    return { kind: "text", text, tone: "info", visibility: "private", language: tr.language.tag };
  };

  beforeAll(async () => {
    fake = await createFakeTelegram({ botUsername: BOT });
    fake.addUser({ id: STRANGER, first_name: "Stranger", language_code: "fr" });
    fake.addUser({ id: FRIEND, first_name: "Friend", language_code: "es" });
    fake.addChat({ id: FRIEND, type: "private" }, "member"); // the friend has started the bot
    fake.addChat({ id: GROUP, type: "supergroup", title: "Readers" });
    for (const id of [STRANGER, FRIEND]) fake.setMember(GROUP, id, "member");
    adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      dispatch,
      inlineResults: async () => [],
      commands: [...testCommands, { ...testCommands[0]!, name: "act" }],
      logger,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  async function postWithButtons(chatId = GROUP) {
    const card = sampleCard({ profileId: "ilgar-mammadov" });
    const post: OutboundPost = {
      kind: "daily",
      intro: "Today's featured family",
      card,
      share: sampleShare(card),
      buttons: [
        { kind: "command", label: "What you can do", command: "act", args: "ilgar-mammadov" },
        { kind: "link", label: "Read more", url: "https://example.org/prisoners/ilgar-mammadov" },
      ],
      idempotencyKey: `press-${Date.now()}`,
    };
    expect((await adapter.send(channelRef(`telegram:${chatId}`), post)).kind).toBe("sent");
    const message = fake.sentTo(chatId).at(-1)!;
    const markup = message.params.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; url?: string; callback_data?: string }>>;
    };
    const [own] = markup.inline_keyboard;
    expect(own?.map((b) => b.text)).toEqual(["What you can do", "Read more"]);
    expect(own?.[1]?.url).toBe("https://example.org/prisoners/ilgar-mammadov");
    return { message, data: own![0]!.callback_data! };
  }

  async function press(messageId: number, userId: number, data: string, chatId = GROUP) {
    const update = fake.updates.callbackQuery(chatId, messageId, userId, data);
    fake.queueUpdate(update);
    await fake.waitForPoll(update.update_id + 1, 10_000);
    const queryId = (update.callback_query as { id: string }).id;
    return fake.world.callbackAnswers.find((a) => a.queryId === queryId);
  }

  it("sends the actions to a presser who started the bot, in their language, and nothing to the group", async () => {
    const { message, data } = await postWithButtons();
    const inGroup = fake.sentTo(GROUP).length;
    const answer = await press(message.messageId, FRIEND, data);
    expect(invocations.at(-1)).toMatchObject({ command: "act", text: "ilgar-mammadov", locale: "es" });
    const [dm, ...more] = fake.sentTo(FRIEND);
    expect(more).toEqual([]);
    expect(dm?.text).toContain("Qué puedes hacer por");
    expect(answer?.text).toBe(translatorFor("es").t("act.sentPrivately"));
    expect(fake.sentTo(GROUP)).toHaveLength(inGroup);
  });

  it("answers in the private chat itself when pressed there, as a new message, the post left as it was", async () => {
    const { message, data } = await postWithButtons(FRIEND);
    const before = fake.sentTo(FRIEND).length;
    const answer = await press(message.messageId, FRIEND, data, FRIEND);
    expect(answer?.text).toBeUndefined();
    const added = fake.sentTo(FRIEND).slice(before);
    expect(added.map((m) => m.method)).toEqual(["sendMessage"]);
    expect(added[0]?.text).toContain("Qué puedes hacer por");
    expect(fake.messageIn(FRIEND, message.messageId)?.text).toBe(message.text);
  });

  it("tells a presser who never started the bot where to start it, and posts nothing anywhere", async () => {
    const { message, data } = await postWithButtons();
    const inGroup = fake.sentTo(GROUP).length;
    const answer = await press(message.messageId, STRANGER, data);
    expect(answer).toMatchObject({
      text: translatorFor("fr").t("act.openPrivateChat", { link: `https://t.me/${BOT}` }),
      showAlert: true,
    });
    expect(answer?.text).toContain(`https://t.me/${BOT}`);
    expect(fake.sentTo(GROUP)).toHaveLength(inGroup);
    expect(fake.sentTo(STRANGER)).toEqual([]);
  });
});
