import { describe, expect, it } from "vitest";
import { CHOICE_ACTION, decodeChoiceValue } from "../../../platforms/slack/actions.ts";
import { measureText, TEXT_BUDGET } from "../../../platforms/slack/render-blocks.ts";
import { renderPost, renderReply } from "../../../platforms/slack/render.ts";
import { escapeMrkdwn, fitText, safeUrl, splitText } from "../../../platforms/slack/text.ts";
import { reply } from "../../../src/core/reply.ts";
import { scanMarkup } from "../../fakes/slack/markup.ts";
import { validateMessage } from "../../fakes/slack/validate.ts";
import {
  cardReply,
  choicesReply,
  HOSTILE,
  hostileCard,
  sampleCard,
  samplePost,
  sampleShare,
} from "./fixtures.ts";

const LIMITS = { maxBlocksText: 12_000, imageReachable: () => true };

/** Every text object of a given type, anywhere in the blocks. */
function texts(value: unknown, type: "mrkdwn" | "plain_text"): Array<{ text: string; verbatim?: boolean }> {
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, type));
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  if (record.type === type && typeof record.text === "string") return [record as { text: string }];
  return Object.values(record).flatMap((v) => texts(v, type));
}

/** Every button URL and image URL in the blocks. */
function urls(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urls);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (key === "url" || key === "image_url") && typeof v === "string" ? [v] : urls(v),
  );
}

describe("slack text helpers", () => {
  it("escapes the three markup characters and breaks formatting markers", () => {
    const out = escapeMrkdwn("<!channel> & *bold*");
    expect(out).not.toMatch(/[<>]/);
    expect(out).toMatch(/^&lt;!channel\u200B&gt;/);
    expect(out).toContain("&amp;");
    expect(out).not.toContain("*bold*");
  });

  it("cuts escaped text without splitting an entity or a surrogate pair", () => {
    const out = fitText("&&&&&&&&😀😀😀", 12, true);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out).toMatch(/^(&amp;)+…$/);
    expect(fitText("😀😀😀", 4)).toBe("😀…");
  });

  it("splits long text at paragraphs, then sentences, within the limit", () => {
    const paragraph = "One sentence here. Another one follows. ".repeat(40).trim();
    const pieces = splitText(`${paragraph}\n\n${paragraph}`, 1000);
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.every((p) => /[.]$/.test(p))).toBe(true);
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(`${paragraph} ${paragraph}`.replace(/\s+/g, " "));
  });

  it("accepts only http(s) URLs, with | < > encoded", () => {
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("mailto:a@b.c")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
    expect(safeUrl(`https://a.example/${"x".repeat(3000)}`)).toBeUndefined();
    expect(safeUrl("https://a.example/x|y>z<")).toBe("https://a.example/x%7Cy%3Ez%3C");
  });
});

describe("slack rendering", () => {
  it("renders a card within Slack's limits, with a fallback text and share buttons", () => {
    const message = renderReply(cardReply());
    expect(message.response_type).toBe("in_channel");
    expect(validateMessage(message as never, LIMITS)).toBeUndefined();
    expect(message.blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "Tofig Mammadov" },
    });
    expect(message.text).toContain("Tofig Mammadov");
    expect(message.text).toContain("<https://freetobehome.example.org/p/mammadov-tofig>");
    const buttons = JSON.stringify(message.blocks);
    expect(buttons).toContain(
      '"url":"https://www.facebook.com/sharer/sharer.php?u=https://freetobehome.example.org/p/mammadov-tofig"',
    );
    expect(scanMarkup(message as never).links).toEqual([
      "https://freetobehome.example.org/p/mammadov-tofig",
      "https://www.meydan.tv/en/article/123",
      "https://www.amnesty.org/en/documents/x/",
      "https://freetobehome.example.org/",
    ]);
  });

  it("marks every mrkdwn text verbatim, so Slack auto-links and auto-mentions nothing", () => {
    const message = renderReply(cardReply(hostileCard()));
    const mrkdwn = texts(message.blocks, "mrkdwn");
    expect(mrkdwn.length).toBeGreaterThan(0);
    expect(mrkdwn.every((t) => t.verbatim === true)).toBe(true);
  });

  it("keeps hostile profile text from becoming mentions, links or formatting, and within every limit", () => {
    const message = renderPost(samplePost(hostileCard()));
    expect(validateMessage(message as never, LIMITS)).toBeUndefined();
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(measureText(message.blocks)).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(message.text.length).toBeLessThanOrEqual(4000);
    const { mentions, links } = scanMarkup(message as never);
    expect(mentions).toEqual([]);
    // Only the links we built: the campaign (escaped query) and the share link; never the hostile ones.
    expect(links.every((l) => l.startsWith("https://"))).toBe(true);
    expect(links).not.toContain("https://evil.example");
    for (const t of texts(message.blocks, "mrkdwn"))
      expect(t.text).not.toMatch(/\*bold\*|_italic_|~strike~|`code`/);
    expect(urls(message.blocks).length).toBeGreaterThan(0);
    expect(urls(message.blocks).every((u) => /^https:\/\/[^|<>\s]+$/.test(u))).toBe(true);
    // The RTL name survives as plain text.
    expect(texts(message.blocks, "plain_text").some((t) => t.text.includes("محمد علی‌زاده"))).toBe(true);
  });

  it("splits a long family story over several sections at paragraph boundaries", () => {
    const story = [
      "First paragraph. ".repeat(100),
      "Second paragraph. ".repeat(100),
      "Third. ".repeat(100),
    ].join("\n\n");
    const message = renderReply(cardReply(sampleCard({ familyStory: story })));
    const sections = message.blocks.filter(
      (b) => b.type === "section" && "text" in b && b.text?.text.startsWith("Second"),
    );
    expect(sections).toHaveLength(1);
    expect(validateMessage(message as never, LIMITS)).toBeUndefined();
  });

  it("renders choices as buttons whose values re-run the command", () => {
    const message = renderReply(choicesReply);
    expect(message.response_type).toBe("ephemeral");
    const accessories = message.blocks.flatMap((b) =>
      b.type === "section" && b.accessory ? [b.accessory] : [],
    );
    expect(accessories).toHaveLength(2);
    for (const [i, button] of accessories.entries()) {
      expect(button).toMatchObject({ type: "button", text: { type: "plain_text" } });
      if (button.type !== "button") throw new Error("not a button");
      expect(button.action_id).toMatch(CHOICE_ACTION);
      expect(decodeChoiceValue(button.value)).toEqual({
        command: "prisoner",
        args: choicesReply.kind === "choices" ? choicesReply.choices[i]?.args : "",
      });
    }
  });

  it("cuts a choice label to the button limit", () => {
    const message = renderReply({
      kind: "choices",
      prompt: "Which one?",
      visibility: "private",
      choices: [{ label: "Ş".repeat(200), detail: "x", command: "prisoner", args: "a" }],
    });
    expect(validateMessage(message as never, LIMITS)).toBeUndefined();
  });

  it("renders a private share kit and plain text replies", () => {
    const share = renderReply({
      kind: "share",
      kit: sampleShare(),
      card: sampleCard(),
      visibility: "private",
    });
    expect(share.response_type).toBe("ephemeral");
    expect(validateMessage(share as never, LIMITS)).toBeUndefined();
    expect(JSON.stringify(share.blocks)).toContain("#FreeToBeHome");
    const text = renderReply(reply.error(`${HOSTILE.mentions}\n${"x".repeat(20_000)}`));
    expect(text.response_type).toBe("ephemeral");
    expect(validateMessage(text as never, LIMITS)).toBeUndefined();
    expect(scanMarkup(text as never).mentions).toEqual([]);
  });
});
