/**
 * "Every post and reply shows the sources and 'status as of <date>'", and a past campaign's notice, on
 * Discord: in the share reply, and in a card however much else has to be cut to fit 6,000 characters.
 */
import { describe, expect, it } from "vitest";
import type { APIEmbed } from "discord.js";
import { embedLength } from "../../../platforms/discord/render-embed.ts";
import { channelMessage } from "../../../platforms/discord/render-payload.ts";
import { renderPost, renderReply } from "../../../platforms/discord/render.ts";
import type { Card } from "../../../src/core/reply.ts";
import { FormErrors, validateMessage } from "../../fakes/discord/validate.ts";
import { ilgarCard, shareKit } from "./fixtures.ts";
import { fill, limitsCard, limitsShareKit } from "./schema-limits.ts";

function discordErrors(body: object): unknown {
  const errors = new FormErrors();
  validateMessage(body as Record<string, unknown>, errors);
  return errors.empty ? undefined : errors.body();
}

const fieldNamed = (embed: APIEmbed | undefined, name: string) => embed?.fields?.find((f) => f.name === name);

/** The three things every reply must show, and nothing that could ping or format. */
function expectSafetyLines(embed: APIEmbed | undefined, card: Card): void {
  expect(embed?.description?.startsWith(`**${card.notice?.slice(0, 20)}`)).toBe(true);
  expect(embed?.footer?.text.startsWith(card.statusAsOf)).toBe(true);
  const sources = fieldNamed(embed, "Sources")?.value ?? "";
  expect(sources).toMatch(/^• \[.+\]\(https:\/\/news\.example\.org\/2020\/a_\(b%29\//);
  expect(embedLength(embed ?? {})).toBeLessThanOrEqual(6000);
  // A code block shows its text as typed (no mention, no formatting), so only the text outside it counts.
  const outside = embed?.description?.replace(/```\n.*\n```$/s, "");
  const formatted = JSON.stringify([embed?.title, outside, embed?.fields]);
  expect(formatted).not.toMatch(/(?<!\\\\)<@/);
  expect(formatted).not.toMatch(/@everyone/);
}

describe("the share reply", () => {
  it("shows the notice, the status as of and the sources as links, privately", () => {
    const card = ilgarCard();
    const body = renderReply({ kind: "share", kit: shareKit(card), card, visibility: "private" });
    const [embed] = body.embeds;
    expect(body.visibility).toBe("private");
    expect(embed?.description).toMatch(
      /^\*\*Profiled in December 2016.*\*\*\n\n```\n.+#FreeToBeHome campaign/s,
    );
    expect(embed?.footer?.text).toBe("Status as of 23 April 2020");
    expect(fieldNamed(embed, "Sources")?.value).toContain(
      "](https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/)",
    );
    expect(fieldNamed(embed, "Hashtag")?.value).toBe("#FreeToBeHome");
    expect(discordErrors(channelMessage(body))).toBeUndefined();
  });

  it("cuts only the text to paste when a card at the schema's limits and a long text would not fit", () => {
    const card = limitsCard();
    const kit = { ...limitsShareKit(), text: fill(9000) };
    const body = renderReply({ kind: "share", kit, card, visibility: "private" });
    const [embed] = body.embeds;
    expect(discordErrors(channelMessage(body))).toBeUndefined();
    expectSafetyLines(embed, card);
    expect(embed?.description).toMatch(/```\n\\?\*.+…\n```$/s);
  });
});

describe("a card over 6,000 characters", () => {
  it("at the schema's limits keeps the notice, the status as of and the sources, cutting the quote first", () => {
    const card = limitsCard();
    expect(card.sources).toHaveLength(30);
    const bodies = [
      renderReply({ kind: "card", card, share: limitsShareKit(), visibility: "public" }),
      renderPost({ kind: "daily", intro: fill(3000), card, share: limitsShareKit(), idempotencyKey: "k" }),
    ];
    for (const body of bodies) {
      const [embed] = body.embeds;
      expect(discordErrors(channelMessage(body, "k"))).toBeUndefined();
      expectSafetyLines(embed, card);
      expect(fieldNamed(embed, "Sources")?.value).toMatch(/\n…and \d+ more$/);
      // The quote and the family's story give way before the current detention's fields.
      expect(fieldNamed(embed, "In the family's words (translated)")).toBeUndefined();
      expect(embed?.description).not.toContain("The family's story");
      expect(fieldNamed(embed, "Status")?.value).toBe("Sentenced");
      expect(fieldNamed(embed, "Charges as reported")?.value.length).toBe(1024);
    }
  });

  it("keeps them when every part is as long as Discord allows", () => {
    const long = fill(6000);
    const card = ilgarCard({
      title: long,
      subtitle: long,
      notice: long,
      summary: long,
      familyStory: long,
      // Each over Discord's field limits (256 and 1,024), and more of them than an embed may hold.
      fields: Array.from({ length: 40 }, (_, i) => ({ label: `${i} ${fill(300)}`, value: fill(1100) })),
      quote: { text: long, attribution: long, isTranslation: true },
      sources: limitsCard().sources,
      photo: { url: "https://img.example.org/p.jpg", alt: long, credit: long },
      campaign: { id: "c", name: long, url: "https://example.org" },
    });
    const body = renderReply({ kind: "card", card, visibility: "public" });
    const [embed] = body.embeds;
    expect(discordErrors(channelMessage(body))).toBeUndefined();
    expect(embed?.description?.startsWith("**\\*\\*@\u200beveryone")).toBe(true);
    expect(embed?.footer?.text.startsWith("Status as of 23 April 2020 · #FreeToBeHome")).toBe(true);
    expect(fieldNamed(embed, "Sources")?.value).toContain("](https://news.example.org/2020/a_(b%29/");
  });
});
