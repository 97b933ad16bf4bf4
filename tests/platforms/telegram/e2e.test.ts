/**
 * The adapter end to end: the real telegraf against the fake Bot API, in long-polling and webhook mode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TelegramAdapter, createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import {
  type FakeTelegram,
  type PostedMessage,
  createFakeTelegram,
  faults,
} from "../../fakes/telegram/index.ts";
import type { BuiltUpdate } from "../../fakes/telegram/updates.ts";
import { recordingLogger, sampleCard, testCommands, testDispatch } from "./harness.ts";

const MEMBER = 501;
const ADMIN = 502;
const CREATOR = 503;
// Everything a hostile or merely unusual record could hold: markup, mentions, quotes, right-to-left text,
// bidi overrides, a lone surrogate, control characters, and emoji sequences where the text must be split.
const EMOJI = "👨‍👩‍👧‍👦🇦🇿";
const hostile = sampleCard({
  profileId: "hostile",
  title: `<b>&amp; "Zəhra" & <i>@everyone</b> \u202Eevil\uD800 \u0007`,
  subtitle: "אזרבייג'ן · أذربيجان · @here",
  summary: `${"مرحبا بالعالم ".repeat(200)}${EMOJI.repeat(300)}`,
  familyStory: `${"a".repeat(4090)}${EMOJI}${"b <tag> & ".repeat(150)}`,
  quote: { text: "</blockquote><b>", attribution: "@admin & <co>", isTranslation: true },
  photo: {
    url: "https://img.example.org/p.jpg",
    alt: "portrait",
    credit: `Family archive ${"©".repeat(2000)}`,
  },
  sources: [{ title: 'x" onclick="y', publisher: "<pub>", url: 'https://e.org/?a=1&b="2"' }],
});
const cards = [
  hostile,
  sampleCard(),
  sampleCard({ profileId: "ali-aliyev", title: "Əli Əliyev", subtitle: "Azerbaijan" }),
  sampleCard({ profileId: "ali-aliyeva", title: "Əli Əliyeva", subtitle: "Azerbaijan" }),
];

type Button = { text: string; url?: string; callback_data?: string };
function keyboard(message: PostedMessage | undefined): Button[][] {
  const markup = message?.params.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return markup?.inline_keyboard ?? [];
}

describe.each(["polling", "webhook"] as const)("Telegram adapter end to end (%s)", (mode) => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  const logger = recordingLogger();
  const harness = testDispatch(cards);
  let nextChat = -100_100_000;

  function group(type: "group" | "supergroup" = "supergroup"): number {
    const id = nextChat--;
    fake.addChat({ id, type, title: `Group ${id}` });
    fake.setMember(id, MEMBER, "member");
    fake.setMember(id, ADMIN, "administrator");
    fake.setMember(id, CREATOR, "creator");
    return id;
  }

  /** Hands an update to the bot and resolves once it has been handled. */
  async function deliver(update: BuiltUpdate): Promise<number | undefined> {
    if (mode === "webhook")
      return (await fake.postToWebhook(`http://127.0.0.1:${adapter.webhookPort()}`, update)).status;
    fake.queueUpdate(update);
    await fake.waitForPoll(update.update_id + 1); // telegraf polls again only after the batch is handled
    return undefined;
  }

  beforeAll(async () => {
    // A roomier per-chat burst than Telegram's so one chat can take a few answers in a row without waiting.
    fake = await createFakeTelegram({ caps: { perChat: { burst: 10, perSecond: 1 } } });
    for (const id of [MEMBER, ADMIN, CREATOR]) fake.addUser({ id, first_name: `User ${id}` });
    adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhook:
        mode === "webhook"
          ? { url: "https://bot.example.org/telegram/hook", secret: "s3cret_T0ken-x", port: 0 }
          : undefined,
      dispatch: harness.dispatch,
      inlineResults: harness.inlineResults,
      commands: testCommands,
      logger,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    expect(fake.rejections()).toEqual([]);
    expect(logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("answers a member's /prisoner Məmmədov in a group with the card", async () => {
    const chat = group();
    const update = fake.updates.message(chat, MEMBER, "/prisoner Məmmədova");
    await deliver(update);
    const [card, ...rest] = fake.sentTo(chat);
    expect(rest).toEqual([]);
    expect(card?.text).toContain("Aynur Məmmədova");
    expect(card?.text).toContain("Status as of 1 March 2024");
    expect(card?.entities).toContainEqual(
      expect.objectContaining({ type: "text_link", url: "https://news.example.org/a?x=1&y=2" }),
    );
    expect(card?.params).toMatchObject({
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: (update.message as { message_id: number }).message_id },
    });
    const buttons = keyboard(card).flat();
    expect(buttons.map((b) => b.url)).toEqual([
      expect.stringMatching(/^https:\/\/x\.com/),
      expect.any(String),
      expect.any(String),
    ]);
  });

  it("runs /prisoner@botname and ignores commands addressed to another bot", async () => {
    const chat = group();
    await deliver(fake.updates.message(chat, MEMBER, "/prisoner@OtherBot Mammadova"));
    expect(fake.sentTo(chat)).toEqual([]);
    await deliver(fake.updates.message(chat, MEMBER, `/prisoner@${fake.bot.username} Mammadova`));
    expect(fake.sentTo(chat).map((m) => m.text)).toEqual([expect.stringContaining("Aynur Məmmədova")]);
  });

  it("passes the dispatcher's answer through when the lookup fails", async () => {
    const chat = group("group");
    await deliver(fake.updates.message(chat, MEMBER, "/prisoner Nobody"));
    const [answer] = fake.sentTo(chat);
    expect(answer?.text).toBe("⚠️ No prisoner named “Nobody”.");
    expect(answer?.params.disable_notification).toBe(true); // private answer in a shared chat: quiet, quoted
  });

  it("lets admins, anonymous admins and channel posts moderate, but not members or linked-channel forwards", async () => {
    const chat = group();
    const channel = nextChat--;
    fake.addChat({ id: channel, type: "channel", title: "News channel" });
    await deliver(fake.updates.message(chat, MEMBER, "/schedule aynur 2024-05-01"));
    await deliver(fake.updates.message(chat, ADMIN, "/schedule aynur 2024-05-02"));
    await deliver(fake.updates.message(chat, CREATOR, "/schedule aynur 2024-05-03"));
    await deliver(fake.updates.anonymousAdmin(chat, "/schedule aynur 2024-05-04"));
    await deliver(fake.updates.linkedChannelForward(chat, channel, "/schedule aynur 2024-05-05"));
    await deliver(fake.updates.channelPost(channel, "/schedule aynur 2024-05-06"));
    const texts = [...fake.sentTo(chat), ...fake.sentTo(channel)].map((m) => m.text);
    expect(texts).toEqual([
      "⚠️ Only moderators can schedule a spotlight here.",
      "✅ Scheduled aynur 2024-05-02",
      "✅ Scheduled aynur 2024-05-03",
      "✅ Scheduled aynur 2024-05-04",
      "⚠️ Only moderators can schedule a spotlight here.",
      "✅ Scheduled aynur 2024-05-06",
    ]);
    // The same answers straight from caller.isModerator(), now from the cache: only the three people
    // needed a getChatMember call; the anonymous admin, the forward and the channel post were decided locally.
    const asked = await Promise.all(harness.invocations.slice(-6).map((inv) => inv.caller.isModerator()));
    expect(asked).toEqual([false, true, true, true, false, true]);
    const lookups = fake.calls.filter((c) => c.method === "getChatMember" && c.params.chat_id === chat);
    expect(lookups.map((c) => c.params.user_id)).toEqual([MEMBER, ADMIN, CREATOR]);
  });

  it("treats a private chat's user as the moderator of that chat", async () => {
    const user = fake.addUser({ id: 900 + (mode === "webhook" ? 1 : 0) });
    fake.addChat({ id: user.id, type: "private" }, "member");
    await deliver(fake.updates.message(user.id, user.id, "/schedule aynur 2024-06-01"));
    expect(fake.sentTo(user.id).map((m) => m.text)).toEqual(["✅ Scheduled aynur 2024-06-01"]);
  });

  it("reads no commands from edited messages or photo captions", async () => {
    const chat = group();
    const original = fake.updates.message(chat, MEMBER, "Hello");
    await deliver(original);
    const before = harness.invocations.length;
    const messageId = (original.message as { message_id: number }).message_id;
    await deliver(fake.updates.editedMessage(chat, messageId, "/prisoner Mammadova"));
    await deliver(fake.updates.photoWithCaption(chat, MEMBER, "/prisoner Mammadova"));
    expect(harness.invocations.length).toBe(before);
    expect(fake.sentTo(chat)).toEqual([]);
    // Telegram isn't even asked for edits; the bot above ignores them when they come anyway.
    const subscribed = fake.calls.find(
      (c) => c.method === (mode === "webhook" ? "setWebhook" : "getUpdates"),
    );
    expect(subscribed?.params.allowed_updates).not.toContain("edited_message");
    await deliver(fake.updates.message(chat, MEMBER, "/help")); // and it was listening all along
    expect(fake.sentTo(chat)).toHaveLength(1);
  });

  it("handles a repeated update once", async () => {
    const chat = group();
    const update = fake.updates.message(chat, MEMBER, "/prisoner Mammadova");
    if (mode === "webhook") {
      expect(await deliver(update)).toBe(200);
      expect(await deliver(update)).toBe(200); // Telegram's redelivery after a slow answer
    } else {
      fake.queueUpdate(update); // both copies arrive in one getUpdates batch
      await deliver(update);
    }
    expect(fake.sentTo(chat)).toHaveLength(1);
  });

  it("offers choices as buttons and runs the chosen one", async () => {
    const chat = group();
    await deliver(fake.updates.message(chat, MEMBER, "/prisoner Əli"));
    const [list] = fake.sentTo(chat);
    const rows = keyboard(list);
    expect(rows.map((r) => r[0]?.text)).toEqual(["1. Əli Əliyev", "2. Əli Əliyeva"]);
    const press = fake.updates.callbackQuery(chat, list!.messageId, ADMIN, rows[1]![0]!.callback_data!);
    await deliver(press);
    const queryId = (press.callback_query as { id: string }).id;
    expect(fake.world.callbackAnswers).toContainEqual({ queryId, text: undefined });
    const edit = fake.sentTo(chat).find((m) => m.method === "editMessageText");
    expect(edit?.messageId).toBe(list?.messageId);
    expect(edit?.text).toContain("Əli Əliyeva");
  });

  it("answers inline queries with at most 50 articles", async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      sampleCard({ profileId: `p-${i}`, title: `Məmmədov ${i}` }),
    );
    // A search that ignores the limit: the adapter must still send no more than Telegram's 50.
    harness.search = async () =>
      many.map((card) => ({
        card,
        share: { profileId: card.profileId, text: "t", url: "https://e.org", hashtag: "#x", links: [] },
      }));
    const query = fake.updates.inlineQuery(MEMBER, "məmmədov");
    await deliver(query);
    const answer = await fake.waitForCall((c) => c.method === "answerInlineQuery" && c.status === 200);
    const results = answer.params.results as Array<{
      id: string;
      input_message_content: { parse_mode: string };
    }>;
    expect(results).toHaveLength(50);
    expect(new Set(results.map((r) => r.id)).size).toBe(50);
    expect(results[0]?.input_message_content.parse_mode).toBe("HTML");
    // Never cached: a profile taken down must leave the list at once, not a minute later. Personal:
    // each answer is in the asker's language.
    expect(answer.params).toMatchObject({ cache_time: 0, is_personal: true });
    expect(results[0]).toMatchObject({
      description: "Azerbaijan · Айнур Мамедова · Aynur Mamedova · Status as of 1 March 2024",
    });
  });

  it("sends hostile names without a single rejected call, splitting long answers", async () => {
    const chat = group();
    await deliver(fake.updates.message(chat, MEMBER, "/prisoner hostile"));
    const sent = fake.sentTo(chat);
    const [photo, ...texts] = sent;
    expect(photo?.method).toBe("sendPhoto");
    expect(texts.length).toBeGreaterThanOrEqual(4); // ~13,000 characters of card
    expect(texts.every((m) => m.method === "sendMessage")).toBe(true);
    expect(sent[0]!.text.length).toBeLessThanOrEqual(1024);
    for (const m of sent.slice(1)) expect(m.text.length).toBeLessThanOrEqual(4096);
    const all = sent.map((m) => m.text).join("\n");
    expect(all).toContain('<b>&amp; "Zəhra" & <i>@\u2060everyone</b>'); // shown literally, mention defused
    expect(all).not.toMatch(/@(everyone|here|admin)/);
    expect(all).not.toContain("\u202E");
    expect(all.split(EMOJI).length).toBe(302); // every emoji sequence arrived whole
    expect(all.split("b <tag> &").length).toBe(151); // nothing lost at the split points
    expect(fake.rejections()).toEqual([]);
  });

  it("waits out a short flood-control pause before answering", async () => {
    const chat = group();
    fake.failNext("sendMessage", faults.tooManyRequests(0.05)); // Telegram says whole seconds; fractions keep this fast
    await deliver(fake.updates.message(chat, MEMBER, "/help"));
    expect(fake.sentTo(chat).map((m) => m.text)).toEqual([
      "I share the stories of political prisoners' families.",
    ]);
  });

  it("still sends the card when Telegram can't fetch its photo, and answers in the forum topic", async () => {
    const chat = group();
    // A topic the fake knows: it refuses a message_thread_id that names none, as Telegram does.
    fake.world.state.chat(chat).is_forum = true;
    const topic = fake.native.openTopic(chat, "Questions");
    const card = cards[1]!;
    card.photo = { url: "https://img.example.org/missing.jpg", alt: "", credit: "Family" };
    fake.failNext("sendPhoto", faults.badRequest("wrong file identifier/HTTP URL specified"));
    try {
      await deliver(
        fake.updates.message(chat, MEMBER, "/prisoner ali-aliyev", {
          message_thread_id: topic,
          is_topic_message: true,
        }),
      );
    } finally {
      card.photo = undefined;
    }
    const [text, ...more] = fake.sentTo(chat);
    expect(more).toEqual([]);
    expect(text?.text).toContain("Əli Əliyev");
    expect(text?.params.message_thread_id).toBe(topic);
  });

  it("tells the presser when a choice has expired", async () => {
    const chat = group();
    await deliver(fake.updates.message(chat, MEMBER, "/help"));
    const [message] = fake.sentTo(chat);
    const press = fake.updates.callbackQuery(chat, message!.messageId, MEMBER, "t|from-before-a-restart.1");
    await deliver(press);
    const queryId = (press.callback_query as { id: string }).id;
    expect(fake.world.callbackAnswers).toContainEqual({
      queryId,
      text: "This list has expired. Please run the command again.",
    });
    expect(fake.sentTo(chat)).toHaveLength(1);
  });

  it.runIf(mode === "webhook")("refuses a wrong or missing secret with 403 and handles nothing", async () => {
    const chat = group();
    const origin = `http://127.0.0.1:${adapter.webhookPort()}`;
    const before = harness.invocations.length;
    expect(
      (
        await fake.postToWebhook(origin, fake.updates.message(chat, ADMIN, "/prisoner Mammadova"), {
          secret: "wrong",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await fake.postToWebhook(origin, fake.updates.message(chat, ADMIN, "/prisoner Mammadova"), {
          secret: null,
        })
      ).status,
    ).toBe(403);
    expect(harness.invocations.length).toBe(before);
    expect(fake.sentTo(chat)).toEqual([]);
    expect(fake.world.webhook).toEqual({
      url: "https://bot.example.org/telegram/hook",
      secret_token: "s3cret_T0ken-x",
    });
  });
});
