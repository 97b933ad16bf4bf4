/**
 * Whatever has to be cut to fit one message, a card keeps what the safety rules require on every post and
 * reply: the notice, the "status as of" line and the sources, each still a link. Cards are built at the
 * schema's limits (1,500-character summary and family story, a 1,000-character quote, many detentions,
 * 30 sources) and filled with hostile text, then checked with the fake's own validators.
 */
import { describe, expect, it } from "vitest";
import { createChoiceCodec } from "../../../platforms/telegram/choices.ts";
import { describe as describeCard, inlineArticles } from "../../../platforms/telegram/inline.ts";
import { renderPost, renderReply } from "../../../platforms/telegram/render.ts";
import type { Card } from "../../../src/core/reply.ts";
import { checkInlineResults, parseText } from "../../fakes/telegram/index.ts";
import { sampleCard, sampleShare } from "./harness.ts";

const codec = createChoiceCodec();
const NOTICE_START = "Profiled by #FreeToBeHome in April 2016 (a past campaign).";
const NOTICE = `${NOTICE_START} Status as of 23 April 2020; it may have changed since. ${"Ünvan <b>&amp; ".repeat(20)}`;
const hostile = (n: number) => `<b>&amp; "@everyone" \u202E 👨‍👩‍👧‍👦 Zəhra. `.repeat(n).slice(0, n * 40);

function limitsCard(overrides: Partial<Card> = {}): Card {
  const detentions = Array.from(
    { length: 20 },
    (_, i) => `Arrested ${i + 1} May 20${10 + (i % 10)}, released`,
  );
  return sampleCard({
    notice: NOTICE,
    title: hostile(5),
    subtitle: hostile(5),
    summary: hostile(38).slice(0, 1500),
    familyStory: hostile(38).slice(0, 1500),
    quote: { text: hostile(25), attribution: hostile(3), isTranslation: true },
    fields: [
      { label: "Status", value: "Sentenced" },
      { label: "Detained since", value: "23 December 2015 (23 or 24 December 2015: sources differ)" },
      { label: "Charges as reported", value: hostile(10) },
      { label: "Earlier detentions", value: detentions.join("; ") },
      { label: "Designations", value: hostile(15) },
    ],
    photo: { url: "https://img.example.org/p.jpg", alt: "", credit: hostile(4) },
    sources: Array.from({ length: 30 }, (_, i) => ({
      title: `${i}: ${hostile(4)}`,
      publisher: hostile(1),
      url: `https://news.example.org/${i}?a=1&b="<x>"`,
    })),
    statusAsOf: "Status as of 23 April 2020",
    ...overrides,
  });
}

/** Accepted by the fake exactly as Telegram would take it, with every safety-relevant part still there. */
function expectSafe(html: string, card: Card) {
  const { text, entities } = parseText(html, "HTML", "text");
  expect(text).toContain(NOTICE_START);
  expect(text).toContain(card.statusAsOf);
  expect(text).toMatch(/^Sources$/m);
  const links = entities.filter((e) => e.type === "text_link").map((e) => e.url);
  for (const source of card.sources) expect(links).toContain(source.url);
  expect(text).not.toContain("\u202E");
  return text;
}

describe("Telegram: fitting a card into one message", () => {
  it("keeps the notice, status date and every source of a post cut to fit", () => {
    const card = limitsCard();
    const post = renderPost({
      kind: "daily",
      intro: hostile(20),
      card,
      share: sampleShare(card),
      idempotencyKey: "k",
    });
    const text = expectSafe(post.text, card);
    expect(text).toContain("Status: Sentenced"); // the short fields outlast the long prose
  });

  it("keeps them in an inline result, which the fake accepts", () => {
    const card = limitsCard();
    const results = inlineArticles([{ card, share: sampleShare(card) }]);
    expect(() => checkInlineResults(results)).not.toThrow();
    const content = results[0]?.input_message_content as { message_text: string };
    expectSafe(content.message_text, card);
  });

  it("shortens the long prose and lists before touching what a card must show", () => {
    // Just over the limit: only the extras give way, the essentials come through whole.
    const sources = [1, 2, 3].map((i) => ({
      title: `Report ${i} on the trial`,
      publisher: "Example News",
      url: `https://news.example.org/${i}`,
    }));
    const card = limitsCard({ sources, notice: NOTICE_START });
    const post = renderPost({
      kind: "daily",
      intro: "Today",
      card,
      share: sampleShare(card),
      idempotencyKey: "k",
    });
    const { text } = parseText(post.text, "HTML", "text");
    expect(text).toContain(`⚠️ ${NOTICE_START}`);
    expect(text).toContain(`Status: Sentenced\n`);
    expect(text).toContain(`\n${card.statusAsOf}\n\n`);
    for (const s of card.sources) expect(text).toContain(`• ${s.title} — ${s.publisher}`);
    expect(text).toContain("…");
  });
});

describe("Telegram: the share reply", () => {
  const share = (card: Card) =>
    renderReply(
      { kind: "share", kit: sampleShare(card), card, visibility: "public" },
      {
        encodeChoice: (c) => codec.encode(c),
      },
    );

  it("shows the notice, the status date and the sources as links, escaped", () => {
    const card = sampleCard({ notice: NOTICE_START, statusAsOf: "Status as of 23 April 2020" });
    const [message, ...rest] = share(card);
    expect(rest).toEqual([]);
    if (message?.kind !== "text") throw new Error("expected text");
    expect(message.text).toContain(`<b>⚠️ ${NOTICE_START}</b>`);
    expect(message.text).toContain("<i>Status as of 23 April 2020</i>");
    expect(message.text).toContain(
      `<a href="https://news.example.org/a?x=1&amp;y=2">Journalists detained in Baku</a> — Example News`,
    );
    expect(message.text).toContain(sampleShare(card).text);
    expect(message.reply_markup?.inline_keyboard.flat().length).toBeGreaterThan(0);
  });

  it("stays one message within Telegram's limits at the schema's limits", () => {
    const card = limitsCard();
    const [message, ...rest] = share(card);
    expect(rest).toEqual([]);
    if (message?.kind !== "text") throw new Error("expected text");
    expectSafe(message.text, card);
  });
});

describe("Telegram: inline result descriptions", () => {
  it("say the status date, and that a past campaign is past", () => {
    const live = sampleCard({ subtitle: "Azerbaijan", statusAsOf: "Status as of 23 April 2020" });
    expect(describeCard(live)).toBe("Azerbaijan · Status as of 23 April 2020");
    const past = { ...live, notice: NOTICE };
    expect(describeCard(past)).toBe(`⚠️ ${NOTICE_START} Azerbaijan · Status as of 23 April 2020`);
    expect(describeCard(past)).toContain("past campaign");
  });

  it("stay short and keep the date whatever the subtitle and notice hold", () => {
    const card = limitsCard({ notice: hostile(10), subtitle: hostile(50) });
    const [article] = inlineArticles([{ card, share: sampleShare(card) }]);
    expect(article?.description?.length).toBeLessThanOrEqual(200);
    expect(article?.description).toMatch(/^⚠️ .+ · Status as of 23 April 2020$/);
    expect(article?.description).not.toMatch(/\u202E|@everyone/);
  });
});
