/**
 * The member's language through the adapter (real telegraf, fake Bot API, long polling): a message, a
 * button press and an inline query each carry the sender's `language_code` to what answers it; a chat
 * speaking (an anonymous admin, a channel post) carries none, so the chat's language applies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { type TelegramAdapter, createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import { type FakeTelegram, createFakeTelegram } from "../../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../../fakes/telegram/updates.ts";
import { recordingLogger, sampleCard, testCommands, testDispatch } from "./harness.ts";

const PERSIAN = 601;
const NO_LANGUAGE = 602;
const CHAT = -100_300_000;

describe("the member's language on Telegram", () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  const cards = [sampleCard(), sampleCard({ profileId: "aynur-2", title: "Aynur Məmmədova II" })];
  const harness = testDispatch(cards);
  const searched: Array<string | undefined> = [];

  async function deliver(update: BuiltUpdate) {
    fake.queueUpdate(update);
    await fake.waitForPoll(update.update_id + 1);
  }
  const lastInvocation = () => harness.invocations.at(-1)!;

  beforeAll(async () => {
    fake = await createFakeTelegram({ caps: { perChat: { burst: 10, perSecond: 1 } } });
    fake.addUser({ id: PERSIAN, language_code: "fa" });
    fake.addUser({ id: NO_LANGUAGE });
    fake.addChat({ id: CHAT, type: "supergroup", title: "Group" });
    fake.setMember(CHAT, PERSIAN, "member");
    fake.setMember(CHAT, NO_LANGUAGE, "member");
    adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      dispatch: harness.dispatch,
      inlineResults: (query, limit, locale) => {
        searched.push(locale);
        return harness.search(query, limit);
      },
      commands: testCommands,
      logger: recordingLogger(),
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    expect(fake.rejections()).toEqual([]);
  });

  it("takes a command's language from its sender, and none from a sender without one", async () => {
    await deliver(fake.updates.message(CHAT, PERSIAN, "/help"));
    expect(lastInvocation().locale).toBe("fa");
    await deliver(fake.updates.message(CHAT, NO_LANGUAGE, "/help"));
    expect(lastInvocation()).not.toHaveProperty("locale");
  });

  it("gives an anonymous admin's command no member language: the chat speaks", async () => {
    await deliver(fake.updates.anonymousAdmin(CHAT, "/help"));
    expect(lastInvocation().command).toBe("help");
    expect(lastInvocation()).not.toHaveProperty("locale");
  });

  it("takes a button press's language from the person pressing it", async () => {
    await deliver(fake.updates.message(CHAT, NO_LANGUAGE, "/prisoner Aynur"));
    const list = fake.sentTo(CHAT).at(-1)!;
    const rows = (list.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data?: string }>> })
      .inline_keyboard;
    const data = rows.flat().find((b) => b.callback_data)!.callback_data!;
    await deliver(fake.updates.callbackQuery(CHAT, list.messageId, PERSIAN, data));
    expect(lastInvocation()).toMatchObject({ command: "prisoner", locale: "fa" });
  });

  it("tells a Persian presser of an expired list in Persian, a presser without a language in English", async () => {
    await deliver(fake.updates.message(CHAT, NO_LANGUAGE, "/help"));
    const list = fake.sentTo(CHAT).at(-1)!;
    const said = async (user: number) => {
      const press = fake.updates.callbackQuery(CHAT, list.messageId, user, "t|from-before-a-restart.1");
      await deliver(press);
      const queryId = (press.callback_query as { id: string }).id;
      return fake.world.callbackAnswers.find((a) => a.queryId === queryId)?.text;
    };
    expect(await said(PERSIAN)).toBe(translatorFor("fa").t("render.listExpired"));
    expect(await said(PERSIAN)).not.toMatch(/expired/);
    expect(await said(NO_LANGUAGE)).toBe("This list has expired. Please run the command again.");
  });

  it("searches inline in the asker's language", async () => {
    await deliver(fake.updates.inlineQuery(PERSIAN, "aynur"));
    await deliver(fake.updates.inlineQuery(NO_LANGUAGE, "aynur"));
    expect(searched).toEqual(["fa", undefined]);
    // The message a result posts has its own words in the asker's language, English for no language.
    const [fa, none] = fake.world.inlineAnswers.slice(-2).map((answer) => {
      const [first] = answer.results as Array<{ input_message_content: { message_text: string } }>;
      return first!.input_message_content.message_text;
    });
    expect(fa).toContain("<b>منابع</b>");
    expect(fa).not.toContain("<b>Sources</b>");
    expect(none).toContain("<b>Sources</b>");
  });

  it("words an inline result in the language its card was written in, when the search says it", async () => {
    const before = fake.world.inlineAnswers.length;
    const search = harness.search;
    harness.search = async (query, limit) =>
      (await search(query, limit)).map((found) => ({ ...found, language: "ru" }));
    try {
      await deliver(fake.updates.inlineQuery(PERSIAN, "aynur"));
    } finally {
      harness.search = search;
    }
    const [answer] = fake.world.inlineAnswers.slice(before);
    const [first] = answer!.results as Array<{ input_message_content: { message_text: string } }>;
    expect(first!.input_message_content.message_text).toContain("<b>Источники</b>");
  });
});
