/**
 * Every platform's renderer says its own words (headings, labels, "Share", "Photo:") in the reply's language.
 * With the pseudo-language, which accents and lengthens every catalog message, no English word of a
 * renderer's own is left and each platform's limits still hold; a Persian card keeps its markup intact.
 * The card's own text is Greek here, so any run of Latin letters left (outside links) is the renderer's.
 */
import { describe, expect, it } from "vitest";
import { renderPost as consolePost, renderReply as consoleReply } from "../../platforms/console/render.ts";
import { renderHelp } from "../../platforms/console/render-help.ts";
import { embedLength } from "../../platforms/discord/render-embed.ts";
import { renderPost as discordPost, renderReply as discordReply } from "../../platforms/discord/render.ts";
import { measureText, TEXT_BUDGET } from "../../platforms/slack/render-blocks.ts";
import { renderPost as slackPost, renderReply as slackReply } from "../../platforms/slack/render.ts";
import { renderPost as telegramPost, renderReply as telegramReply } from "../../platforms/telegram/render.ts";
import type { OutboundPost } from "../../src/core/platform.ts";
import type { Card, Reply, ShareKit } from "../../src/core/reply.ts";

const PSEUDO = "qps-ploc";
const GREEK = "Ελευθερία για την οικογένεια και τα παιδιά της";

function greekCard(long = 1): Card {
  const text = Array.from({ length: long }, () => GREEK).join(" ");
  return {
    profileId: "ilgar-mammadov",
    title: "Ιλγκάρ Μαμμάντοφ",
    subtitle: "Αζερμπαϊτζάν",
    notice: `Σημείωση: ${text}`,
    summary: text,
    fields: [
      { label: "Κατάσταση", value: text },
      { label: "Κατηγορίες", value: text },
    ],
    familyStory: text,
    quote: { text, attribution: "Η κόρη του", isTranslation: true },
    photo: { url: "https://example.org/photo.jpg", alt: "Φωτογραφία", credit: "Οικογένεια" },
    sources: Array.from({ length: 3 * long }, (_, i) => ({
      title: `Πηγή ${i}`,
      publisher: "Εφημερίδα",
      url: `https://example.org/source/${i}`,
    })),
    statusAsOf: "Κατάσταση στις 23 Απριλίου 2020",
    hashtag: "#ΕλεύθεροιΣτοΣπίτι",
    campaign: { id: "c", name: "#ΕλεύθεροιΣτοΣπίτι (2016)", url: "https://example.org/campaign" },
  };
}

function kit(): ShareKit {
  return {
    profileId: "ilgar-mammadov",
    text: GREEK,
    url: "https://example.org/share",
    hashtag: "#ΕλεύθεροιΣτοΣπίτι",
    links: [{ network: "x", label: "Χ", url: "https://example.org/x" }],
  };
}

const replies = (language: string, card = greekCard()): Reply[] => [
  { kind: "card", card, intro: GREEK, share: kit(), visibility: "public", language },
  { kind: "share", kit: kit(), card, visibility: "private", language },
  {
    kind: "choices",
    prompt: GREEK,
    choices: Array.from({ length: 25 }, (_, i) => ({
      label: `Όνομα ${i}`,
      detail: GREEK,
      command: "prisoner",
      args: `${i}`,
    })),
    visibility: "private",
    language,
  },
  { kind: "text", text: GREEK, tone: "error", visibility: "private", language },
];

const post = (language: string, card = greekCard()): OutboundPost => ({
  kind: "daily",
  intro: GREEK,
  card,
  share: kit(),
  idempotencyKey: "k",
  language,
});

/** Runs of four or more Latin letters outside links: an English word the pseudo-language did not reach. */
function englishLeft(text: string): string[] {
  const withoutLinks = text
    .replace(/https?:\/\/[^\s)|>"]+/g, "")
    .replace(/<\/?[a-z]+[^>]*>/g, "")
    .replace(/&[a-z]+;/g, "");
  return withoutLinks.match(/[A-Za-z]{4,}/g) ?? [];
}

/** Keys whose values are ids, links or settings, never words a reader sees. */
const NOT_WORDS = new Set([
  "url",
  "image_url",
  "custom_id",
  "action_id",
  "value",
  "type",
  "callback_data",
  "visibility",
  "response_type",
  "parse_mode",
  "kind",
]);

/** Every string a reader may see in a rendered body. */
const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : typeof value === "object" && value !== null
        ? Object.entries(value)
            .filter(([key]) => !NOT_WORDS.has(key))
            .flatMap(([, v]) => strings(v))
        : [];

describe("renderers in the pseudo-language", () => {
  it("Discord: no English of its own, within Discord's limits", () => {
    for (const body of [...replies(PSEUDO).map(discordReply), discordPost(post(PSEUDO))]) {
      expect(englishLeft(strings(body).join("\n"))).toEqual([]);
    }
    for (const body of [
      ...replies(PSEUDO, greekCard(60)).map(discordReply),
      discordPost(post(PSEUDO, greekCard(60))),
    ]) {
      expect(body.content?.length ?? 0).toBeLessThanOrEqual(2000);
      expect(body.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
  });

  it("Slack: no English of its own, within the message budget", () => {
    const bodies = [...replies(PSEUDO).map((r) => slackReply(r)), slackPost(post(PSEUDO))];
    for (const body of bodies) expect(englishLeft(strings(body).join("\n"))).toEqual([]);
    for (const body of [
      ...replies(PSEUDO, greekCard(60)).map((r) => slackReply(r)),
      slackPost(post(PSEUDO, greekCard(60))),
    ]) {
      expect(measureText(body.blocks)).toBeLessThanOrEqual(TEXT_BUDGET);
      expect(body.blocks.length).toBeLessThanOrEqual(50);
      expect(body.text.length).toBeLessThanOrEqual(4000);
    }
  });

  it("Telegram: no English of its own, one post within 4,096 characters", () => {
    const options = { encodeChoice: () => "c" };
    const bodies = [...replies(PSEUDO).flatMap((r) => telegramReply(r, options)), telegramPost(post(PSEUDO))];
    for (const body of bodies) expect(englishLeft(strings(body).join("\n"))).toEqual([]);
    const long = telegramPost(post(PSEUDO, greekCard(60)));
    const shown = long.text.replace(/<[^>]+>/g, "").replace(/&(lt|gt|amp|quot);/g, "x");
    expect(shown.length).toBeLessThanOrEqual(4096);
    expect(shown).toContain("[Šöûrçéš"); // the sources heading stays, in the pseudo-language
  });

  it("console: no English of its own, help table included", () => {
    // The commands to type stay as typed (a choice's, "/share <id>").
    const shown = (text: string) => englishLeft(text.replace(/(?<![\w/:.])\/[a-z]+( [a-z0-9-]+)?/g, ""));
    for (const reply of replies(PSEUDO)) expect(shown(consoleReply(reply))).toEqual([]);
    expect(shown(consolePost(post(PSEUDO)))).toEqual([]);
    const help: Reply = { kind: "text", text: GREEK, tone: "info", visibility: "private", language: PSEUDO };
    expect(englishLeft(renderHelp(help, []).replace(/\/(quit|exit)|Ctrl-D/g, ""))).toEqual([]);
  });
});

describe("a Persian card on each platform", () => {
  const card: Card = { ...greekCard(), title: "Ilgar Mammadov", subtitle: "آذربایجان" };

  it("Discord: Persian labels, bold and masked links intact", () => {
    const body = discordPost(post("fa", card));
    const embed = body.embeds[0]!;
    const sources = embed.fields?.find((f) => f.name === "منابع");
    expect(sources?.value).toMatch(/^• \[Πηγή 0 \(Εφημερίδα\)\]\(https:\/\/example\.org\/source\/0\)$/m);
    expect(embed.description).toContain("**داستان خانواده**");
    expect((embed.description?.match(/\*\*/g) ?? []).length % 2).toBe(0);
    // A name written left to right is isolated inside the Persian words (core/i18n/bidi.ts).
    expect(embed.footer?.text).toContain("عکس: \u2068Οικογένεια\u2069");
  });

  it("Slack: Persian headings in bold, links unbroken", () => {
    const body = slackPost(post("fa", card));
    const text = strings(body.blocks).join("\n");
    expect(text).toContain("*منابع*\n• <https://example.org/source/0|Πηγή 0> — Εφημερίδα");
    expect(text).toContain("*داستان خانواده*");
  });

  it("Telegram: Persian headings in <b>, the photo link and the name in bold", () => {
    const { text } = telegramPost(post("fa", card));
    expect(text).toContain("<b>منابع</b>");
    expect(text).toContain("<b>Ilgar Mammadov</b>");
    expect(text).toContain('📷 عکس: <a href="https://example.org/photo.jpg">Οικογένεια</a>');
    expect(text).toContain("— \u2068Η κόρη του\u2069 (ترجمه)");
  });

  it("console: Persian labels", () => {
    const text = consolePost(post("fa", card));
    expect(text).toContain("منابع: 1. https://example.org/source/0");
    expect(text).toContain("این داستان را هم‌رسانی کنید:");
  });
});
