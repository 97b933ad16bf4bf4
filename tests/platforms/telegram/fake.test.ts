/** The fake Bot API itself: it must refuse what Telegram refuses, or the adapter tests prove nothing. */
import { Telegram } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, createFakeTelegram, parseHtml } from "../../fakes/telegram/index.ts";

describe("fake Telegram HTML parser", () => {
  it("parses the allowed subset and measures text after entity parsing", () => {
    const { text, entities } = parseHtml(
      `<b>a &amp; <i>b</i></b> <a href="https://e.org/?a=1&amp;b=&quot;2&quot;">l</a> &#x1F600;&#65;<span class="tg-spoiler">s</span><pre><code class="language-ts">x</code></pre><blockquote>q</blockquote>`,
    );
    expect(text).toBe("a & b l 😀Asxq");
    expect(entities).toContainEqual({
      type: "text_link",
      offset: 6,
      length: 1,
      url: 'https://e.org/?a=1&b="2"',
    });
    expect(entities).toContainEqual({ type: "bold", offset: 0, length: 5 });
  });

  it.each([
    ["<br>", "unsupported start tag"],
    ["<b>x", "can't find end tag"],
    ["<b><i>x</b></i>", "unmatched end tag"],
    ["x</b>", "unexpected end tag"],
    ["a & b", "bare"],
    ["&nbsp;", "bare"],
    ["a > b", "unescaped"],
    ["<span>x</span>", "tg-spoiler"],
    ["<code><b>x</b></code>", "can't contain"],
    ["<a>x</a>", "needs href"],
    ["<blockquote><blockquote>x</blockquote></blockquote>", "nested"],
    ["<b", "unclosed start tag"],
  ])("refuses %s", (html, why) => {
    expect(() => parseHtml(html)).toThrow(why);
  });
});

describe("fake Telegram server", () => {
  let fake: FakeTelegram;
  let telegram: Telegram;
  beforeAll(async () => {
    fake = await createFakeTelegram({ caps: false });
    telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    fake.addChat({ id: -1, type: "supergroup", title: "g" });
  });
  afterAll(() => fake.close());

  it("refuses over-long, empty and badly marked-up messages, and bad buttons", async () => {
    await expect(telegram.sendMessage(-1, "x".repeat(4097))).rejects.toThrow("message is too long");
    await expect(
      telegram.sendMessage(-1, `<b>${"x".repeat(4096)}</b>`, { parse_mode: "HTML" }),
    ).resolves.toBeTruthy();
    await expect(telegram.sendMessage(-1, "  \n ")).rejects.toThrow("message text is empty");
    await expect(telegram.sendMessage(-1, "<x>", { parse_mode: "HTML" })).rejects.toThrow(
      "can't parse entities",
    );
    await expect(telegram.sendMessage(-1, "\uD800")).rejects.toThrow("UTF-8");
    const data = { reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "é".repeat(33) }]] } };
    await expect(telegram.sendMessage(-1, "x", data)).rejects.toThrow("BUTTON_DATA_INVALID");
    const url = { reply_markup: { inline_keyboard: [[{ text: "b", url: "javascript:alert(1)" }]] } };
    await expect(telegram.sendMessage(-1, "x", url)).rejects.toThrow("BUTTON_URL_INVALID");
    await expect(
      telegram.sendPhoto(-1, "https://e.org/p.jpg", { caption: "c".repeat(1025) }),
    ).rejects.toThrow("caption is too long");
    await expect(telegram.sendMessage(-42, "x")).rejects.toThrow("chat not found");
    // A user's private chat exists only once they started the bot; a bot can never be written to.
    fake.addUser({ id: 21 });
    await expect(telegram.sendMessage(21, "x")).rejects.toThrow(
      "403: Forbidden: bot can't initiate conversation",
    );
    fake.addUser({ id: 22, is_bot: true });
    await expect(telegram.sendMessage(22, "x")).rejects.toThrow("bot can't send messages to bots");
    fake.addChat({ id: 21, type: "private" }, "member");
    await expect(telegram.sendMessage(21, "x")).resolves.toBeTruthy();
  });

  it("lists administrators and refuses more than 50 inline results", async () => {
    fake.addUser({ id: 11 });
    fake.addUser({ id: 12 });
    fake.setMember(-1, 11, "creator");
    fake.setMember(-1, 12, "member");
    expect((await telegram.getChatAdministrators(-1)).map((m) => m.user.id)).toEqual([11]);
    const query = fake.updates.inlineQuery(11, "x");
    const id = (query.inline_query as { id: string }).id;
    const article = (i: number) => ({
      type: "article" as const,
      id: `a${i}`,
      title: "t",
      input_message_content: { message_text: "m" },
    });
    const results = Array.from({ length: 51 }, (_, i) => article(i));
    await expect(telegram.answerInlineQuery(id, results)).rejects.toThrow("RESULTS_TOO_MUCH");
  });

  it("holds getUpdates until an update arrives, and honours offset", async () => {
    fake.addUser({ id: 5 });
    const started = Date.now();
    const poll = telegram.callApi("getUpdates", { timeout: 5, offset: 0 });
    setTimeout(() => fake.queueUpdate(fake.updates.message(-1, 5, "/help")), 50);
    const [first] = await poll;
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(first?.update_id).toBeGreaterThan(0);
    const again = await telegram.callApi("getUpdates", { timeout: 0, offset: first!.update_id });
    expect(again.map((u) => u.update_id)).toEqual([first!.update_id]); // not confirmed yet
    expect(await telegram.callApi("getUpdates", { timeout: 0, offset: first!.update_id + 1 })).toEqual([]);
    const short = Date.now();
    // Telegram takes whole seconds; the fake also takes fractions, to keep this test short.
    expect(await telegram.callApi("getUpdates", { timeout: 0.2, offset: first!.update_id + 1 })).toEqual([]);
    expect(Date.now() - short).toBeGreaterThanOrEqual(180); // held for the whole timeout
  });

  it("refuses polling while a webhook is set, and a wrong token", async () => {
    await telegram.setWebhook("https://bot.example.org/hook", { secret_token: "abc" });
    await expect(telegram.callApi("getUpdates", {})).rejects.toThrow("409");
    await telegram.deleteWebhook();
    await expect(new Telegram("1:wrong", { apiRoot: fake.apiRoot }).getMe()).rejects.toThrow("401");
  });

  it("applies flood caps per chat with a small burst", async () => {
    const capped = await createFakeTelegram({ now: () => 0 });
    try {
      capped.addChat({ id: -7, type: "group", title: "g" });
      const tg = new Telegram(capped.token, { apiRoot: capped.apiRoot });
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => tg.sendMessage(-7, "x")));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected"]);
      expect(capped.stats()).toMatchObject({ messages: 3, rateLimited: 1 });
    } finally {
      await capped.close();
    }
  });
});
