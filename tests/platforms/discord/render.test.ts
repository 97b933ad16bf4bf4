import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Card, Reply } from "../../../src/core/reply.ts";
import { embedLength } from "../../../platforms/discord/render-embed.ts";
import { decodeChoiceId } from "../../../platforms/discord/ids.ts";
import { channelMessage } from "../../../platforms/discord/render-payload.ts";
import { renderPost, renderReply } from "../../../platforms/discord/render.ts";
import { clip, escapeText, spill } from "../../../platforms/discord/text.ts";
import { hasContent } from "../../fakes/discord/handlers.ts";
import { FormErrors, validateMessage } from "../../fakes/discord/validate.ts";
import { ilgarCard, shareKit } from "./fixtures.ts";

const HOSTILE =
  "**@everyone** <@123456789012345678> <@&123456789012345678> __x__ ||spoiler|| [click](https://evil.example) # Title\n> quote `code` ";

/** The fake's validator is Discord's rules; an empty result means Discord would accept the body. */
function discordErrors(body: object): unknown {
  const errors = new FormErrors();
  validateMessage(body as Record<string, unknown>, errors);
  return errors.empty ? undefined : errors.body();
}

function hostileCard(): Card {
  const long = HOSTILE.repeat(60); // ~6,000 characters
  return ilgarCard({
    title: long,
    subtitle: long,
    notice: long,
    summary: long,
    familyStory: long,
    fields: Array.from({ length: 40 }, (_, i) => ({ label: `${HOSTILE}${i}`.repeat(10), value: long })),
    quote: { text: long, attribution: HOSTILE, isTranslation: true },
    sources: Array.from({ length: 50 }, (_, i) => ({
      title: `${HOSTILE}]) ${i}`,
      publisher: HOSTILE,
      url: `https://example.org/a_(b)/${i}`,
    })),
    statusAsOf: long,
    hashtag: HOSTILE,
  });
}

describe("escaping", () => {
  it("shows markdown, mentions and @everyone literally", () => {
    const out = escapeText("**bold** <@123> <@&456> @everyone @here\n> quoted\n-# small");
    expect(out).toContain("\\*\\*bold\\*\\*");
    expect(out).toContain("\\<@123>");
    expect(out).toContain("\\<@&456>");
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out.replaceAll("\u200b", "")).toContain("@everyone");
    expect(out).toContain("\n\\> quoted\n\\-# small");
  });

  it("cuts without splitting a surrogate pair or leaving a dangling escape", () => {
    expect(clip("ab😀cd", 4)).toBe("ab…");
    expect(clip(escapeText("ab*cd"), 4)).toBe("ab…");
    expect(clip("short", 10)).toBe("short");
  });

  it("spills long text at word breaks into bounded chunks", () => {
    const chunks = spill("word ".repeat(3000), 4096, 2);
    expect(chunks).toHaveLength(2);
    expect(chunks.every((c) => c.length <= 4096)).toBe(true);
    expect(chunks[1]?.endsWith("…")).toBe(true);
  });
});

describe("card embeds", () => {
  it("lays out a card: title, notice first, fields, quote, sources, footer with the status date", () => {
    const body = renderReply({
      kind: "card",
      card: ilgarCard(),
      share: shareKit(ilgarCard()),
      visibility: "public",
    });
    const [embed] = body.embeds;
    expect(embed?.title).toBe("Ilgar Mammadov");
    expect(embed?.description?.startsWith("**Profiled in December 2016")).toBe(true);
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "Status",
      "Detained since",
      "Charges as reported",
      "In the family's words",
      "Sources",
    ]);
    expect(embed?.fields?.[4]?.value).toContain(
      "](https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/)",
    );
    expect(embed?.footer?.text).toContain("Status as of 23 April 2020");
    expect(discordErrors(channelMessage(body))).toBeUndefined();
  });

  it("keeps a hostile, oversized card within every Discord limit and escaped", () => {
    const body = renderPost({
      kind: "daily",
      intro: HOSTILE.repeat(40),
      card: hostileCard(),
      share: shareKit(ilgarCard()),
      idempotencyKey: "k",
    });
    const [embed] = body.embeds;
    expect(discordErrors(channelMessage(body, "k"))).toBeUndefined();
    expect(embedLength(embed ?? {})).toBeLessThanOrEqual(6000);
    expect(body.content?.length).toBeLessThanOrEqual(2000);
    // Footers are plain text (no markdown, no mentions), so only the formatted parts must be escaped.
    const text = JSON.stringify([body.content, embed?.title, embed?.description, embed?.fields]);
    expect(text).not.toMatch(/(?<!\\\\)<@/); // every "<@" is preceded by a backslash
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toMatch(/\\n>/); // no line starts a block quote
  });

  it("stays valid for any text, blank or hostile, in every kind of message (property)", () => {
    // Blank and whitespace-only text matter: Discord trims, then refuses empty names and messages.
    const anyText = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 3000 }),
      fc.constantFrom("", " ", "\n\t", "\u200b", "\\", "> ", HOSTILE),
    );
    fc.assert(
      fc.property(
        anyText,
        anyText,
        anyText,
        fc.array(fc.tuple(anyText, anyText), { maxLength: 30 }),
        (title, summary, story, pairs) => {
          const card = ilgarCard({
            title,
            subtitle: story,
            summary,
            familyStory: story,
            fields: pairs.map(([label, value]) => ({ label, value })),
          });
          const choices = pairs.map(([label, detail]) => ({
            label,
            detail,
            command: "prisoner",
            args: label,
          }));
          const bodies = [
            renderReply({ kind: "card", card, intro: summary, visibility: "public" }),
            renderPost({ kind: "daily", intro: title, card, share: shareKit(card), idempotencyKey: "k" }),
            renderReply({ kind: "text", text: summary, tone: "info", visibility: "public" }),
            renderReply({ kind: "choices", prompt: title, choices, visibility: "public" }),
            renderReply({
              kind: "share",
              kit: { ...shareKit(card), text: story },
              card,
              visibility: "private",
            }),
          ];
          for (const body of bodies) {
            const message = channelMessage(body) as Record<string, unknown>;
            expect(discordErrors(message)).toBeUndefined();
            expect(hasContent(message)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never leaves a field name that is blank once Discord trims it", () => {
    const card = ilgarCard({ fields: [{ label: " ", value: "" }] });
    const body = channelMessage(renderReply({ kind: "card", card, visibility: "public" }));
    expect(discordErrors(body)).toBeUndefined();
  });
});

describe("other replies", () => {
  it("puts short text in content and spills long text into embeds within 6,000", () => {
    expect(
      renderReply({ kind: "text", text: "Subscribed.", tone: "success", visibility: "public" }).content,
    ).toBe("Subscribed.");
    const long = renderReply({ kind: "text", text: "x ".repeat(5000), tone: "info", visibility: "private" });
    expect(long.content).toBeUndefined();
    expect(long.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(discordErrors(channelMessage(long))).toBeUndefined();
  });

  it("turns choices into re-run buttons: at most 25, unique, fitting custom_ids", () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({
      label: `Person ${i} ${"x".repeat(90)}`,
      detail: "Azerbaijan",
      command: "prisoner",
      args: `person-${i}`,
    }));
    choices.push({ label: "Too long", detail: "", command: "prisoner", args: "y".repeat(120) });
    choices.push({ ...choices[0]!, label: "Duplicate" });
    const body = renderReply({ kind: "choices", prompt: "Several match:", choices, visibility: "public" });
    const buttons = body.components.flatMap((row) => row.components);
    expect(body.components.length).toBeLessThanOrEqual(5);
    expect(body.components.every((row) => row.components.length <= 5)).toBe(true);
    expect(buttons).toHaveLength(25);
    const first = buttons[0] as { custom_id: string; label: string };
    expect(decodeChoiceId(first.custom_id)).toEqual({ command: "prisoner", args: "person-0" });
    expect(first.label.length).toBeLessThanOrEqual(80);
    expect(body.embeds[0]?.description).toContain("Too long");
    expect(discordErrors(channelMessage(body))).toBeUndefined();
  });

  it("renders a share kit privately, with http(s) link buttons only", () => {
    const reply: Reply = {
      kind: "share",
      kit: shareKit(ilgarCard()),
      card: ilgarCard(),
      visibility: "private",
    };
    const body = renderReply(reply);
    const buttons = body.components.flatMap((row) => row.components) as Array<{ url: string; style: number }>;
    expect(body.visibility).toBe("private");
    expect(buttons.map((b) => new URL(b.url).protocol)).not.toContain("mailto:");
    expect(buttons).toHaveLength(6);
    expect(body.embeds[0]?.description).toContain("#FreeToBeHome campaign");
    expect(discordErrors(channelMessage(body))).toBeUndefined();
  });
});
