/**
 * Rendering against the fake's strict parser of Telegram HTML: whatever a record holds, every message
 * parses, fits its limit after entity parsing, and loses nothing but what shortening says it drops.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChoiceCodec } from "../../../platforms/telegram/choices.ts";
import { inlineArticles } from "../../../platforms/telegram/inline.ts";
import { renderPost, renderReply } from "../../../platforms/telegram/render.ts";
import { cutPoint, splitMessages } from "../../../platforms/telegram/split.ts";
import { span } from "../../../platforms/telegram/rich.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { parseHtml } from "../../fakes/telegram/index.ts";
import { sampleCard, sampleShare } from "./harness.ts";

const codec = createChoiceCodec();
const render = (reply: Reply) => renderReply(reply, { encodeChoice: (c) => codec.encode(c) });
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Units chosen to hurt: markup, entities, mentions, bidi controls, ZWJ emoji, flags, lone surrogates,
// combining marks, right-to-left letters, line breaks, and any single UTF-16 unit at all.
const unit = fc.oneof(
  fc.constantFrom(
    "<",
    ">",
    "&",
    "&amp;",
    '"',
    "@everyone",
    "\n",
    "\n\n",
    " ",
    "\u202E",
    "👨‍👩‍👧‍👦",
    "🇦🇿",
    "\uD83D",
    "\u0301",
    "م",
    "ə",
    ". ",
  ),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const hostileText = fc.oneof(
  fc.string({ unit, maxLength: 40 }),
  fc
    .tuple(fc.string({ unit, minLength: 1, maxLength: 8 }), fc.integer({ min: 200, max: 900 }))
    .map(([s, n]) => s.repeat(n)),
);
const hostileCard = fc
  .record({
    title: hostileText,
    subtitle: hostileText,
    summary: hostileText,
    familyStory: hostileText,
    quote: hostileText,
    credit: hostileText,
  })
  .map((t) =>
    sampleCard({
      ...t,
      quote: { text: t.quote, attribution: t.title, isTranslation: true },
      photo: { url: "https://img.example.org/p.jpg", alt: "", credit: t.credit },
      sources: [
        { title: t.title, publisher: t.subtitle, url: `https://e.org/?q="${encodeURIComponent("x")}"&a=<b>` },
      ],
    }),
  );

function accepted(html: string, limit: number): string {
  expect(LONE.test(html)).toBe(false);
  const { text } = parseHtml(html); // throws like Telegram's "can't parse entities"
  expect(text.length).toBeLessThanOrEqual(limit);
  expect(text.trim()).not.toBe("");
  return text;
}

describe("Telegram rendering", () => {
  it("escapes exactly: text, attributes, and nothing twice", () => {
    const card = sampleCard({
      title: `<b>&amp; "x"`,
      sources: [{ title: "t", publisher: "p", url: 'https://e.org/?a=1&b="2"' }],
    });
    const [message] = render({ kind: "card", card, visibility: "public" });
    if (message?.kind !== "text") throw new Error("expected text");
    expect(message.text).toContain(`<b>&lt;b&gt;&amp;amp; "x"</b>`);
    expect(message.text).toContain(`<a href="https://e.org/?a=1&amp;b=&quot;2&quot;">t</a>`);
    expect(parseHtml(message.text).entities).toContainEqual(
      expect.objectContaining({ url: 'https://e.org/?a=1&b="2"' }),
    );
  });

  it("never produces a message Telegram would refuse, whatever the card holds", () => {
    fc.assert(
      fc.property(hostileCard, (card) => {
        const parts = render({
          kind: "card",
          card,
          intro: card.subtitle,
          share: sampleShare(card),
          visibility: "public",
        });
        for (const part of parts) {
          if (part.kind === "photo") accepted(part.caption, 1024);
          else accepted(part.text, 4096);
        }
        // One message, however much had to go: the status date and the sources always stay.
        const post = renderPost({
          kind: "daily",
          intro: card.title,
          card,
          share: sampleShare(card),
          idempotencyKey: "k",
        });
        const posted = accepted(post.text, 4096);
        expect(posted).toContain(card.statusAsOf);
        expect(posted).toMatch(/^Sources$/m);
        for (const article of inlineArticles([{ card, share: sampleShare(card) }])) {
          const text = accepted(
            (article.input_message_content as { message_text: string }).message_text,
            4096,
          );
          expect(text).toContain(card.statusAsOf);
          expect(text).toMatch(/^Sources$/m);
          expect(LONE.test(article.title)).toBe(false);
          expect(LONE.test(article.description ?? "")).toBe(false);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("splits long answers between paragraphs and keeps every character", () => {
    const paragraphs = ["α".repeat(3000), "β".repeat(3000), "γ".repeat(3000)];
    const parts = render({ kind: "text", text: paragraphs.join("\n\n"), tone: "info", visibility: "public" });
    expect(parts.map((p) => (p.kind === "text" ? p.text : ""))).toEqual(paragraphs);
  });

  it("cuts inside a paragraph only at a word, or else between whole graphemes", () => {
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 50 }),
        (text, limit) => {
          const parts = splitMessages([{ spans: [span(text)] }], limit).flat();
          for (const p of parts) for (const s of p.spans) expect(LONE.test(s.text)).toBe(false);
        },
      ),
    );
    const family = "👨‍👩‍👧‍👦";
    expect(cutPoint(`${"a".repeat(10)}${family}`, 15)).toBe(10);
    // The space comes too early (under half the limit), so the cut falls between the two families.
    expect(cutPoint(`${"a".repeat(10)} ${family}${family}`, 30)).toBe(11 + family.length);
    expect(cutPoint(`${"a".repeat(20)} ${family}`, 30)).toBe(21);
  });

  it("keeps callback data within 64 bytes and decodes it back", () => {
    const short = { command: "prisoner", args: "aynur-mammadova" };
    const long = { command: "prisoner", args: "Məmmədova Aynur Tofiq qızı ".repeat(3) };
    for (const choice of [short, long]) {
      const data = codec.encode(choice);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(codec.decode(data)).toEqual(choice);
    }
    expect(codec.decode("t|gone.1")).toBeUndefined();
  });
});
