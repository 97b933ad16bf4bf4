/**
 * "Every post and reply shows the sources and 'status as of <date>'", and a past campaign's notice, on
 * Slack: in the share reply, and in a card at the schema's limits, escaped and within Block Kit's limits.
 */
import { describe, expect, it } from "vitest";
import { measureText, TEXT_BUDGET } from "../../../platforms/slack/render-blocks.ts";
import { renderPost, renderReply } from "../../../platforms/slack/render.ts";
import type { Card, ShareKit } from "../../../src/core/reply.ts";
import { scanMarkup } from "../../fakes/slack/markup.ts";
import { validateMessage } from "../../fakes/slack/validate.ts";
import { fill, limitsCard, limitsShareKit } from "../discord/schema-limits.ts";
import { HOSTILE, hostileCard, sampleCard, sampleShare } from "./fixtures.ts";

const LIMITS = { maxBlocksText: 12_000, imageReachable: () => true };
const NOTICE = "Profiled in December 2016; the status below is as of its latest source.";
const LIMITS_NOTICE = "Profiled by #FreeToBeHome in December 2016 (a past campaign)";

const share = (card: Card, kit: ShareKit) => renderReply({ kind: "share", kit, card, visibility: "private" });

/** Accepted by the fake, within our own budget, and no mention or foreign link in anything Slack parses. */
function expectAccepted(message: { text: string; blocks: unknown[] }): void {
  expect(validateMessage(message as never, LIMITS)).toBeUndefined();
  expect(measureText(message.blocks)).toBeLessThanOrEqual(TEXT_BUDGET);
  const { mentions, links } = scanMarkup(message as never);
  expect(mentions).toEqual([]);
  expect(links).not.toContain("https://evil.example");
}

/** The blocks' text in order, as a reader sees it. */
const shown = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe("the share reply", () => {
  it("shows the notice, the status as of and the sources as links", () => {
    const message = share(sampleCard({ notice: NOTICE }), sampleShare());
    expectAccepted(message);
    expect(message.response_type).toBe("ephemeral");
    const text = shown(message);
    expect(text).toContain(`⚠️ ${NOTICE}`);
    expect(text).toContain("Status as of 23 April 2020");
    expect(text).toContain(
      "*Sources*\\n• <https://www.meydan.tv/en/article/123|Teacher sentenced to seven years>",
    );
    expect(scanMarkup(message as never).links).toContain("https://www.amnesty.org/en/documents/x/");
    // The notice comes before the text to paste; the notification text says it too.
    expect(text.indexOf(NOTICE)).toBeLessThan(text.indexOf("Tofig Mammadov, a teacher"));
    expect(message.text).toContain(NOTICE);
    expect(message.text).toContain("Status as of 23 April 2020");
  });

  it("escapes hostile sources and keeps them, the notice and the status when everything is long", () => {
    const message = share(hostileCard(), sampleShare({ text: Object.values(HOSTILE).join("\n").repeat(3) }));
    expectAccepted(message);
    const text = shown(message);
    expect(text).toContain("&lt;!channel");
    expect(text).toContain("Status as of 23 April 2020");
    expect(scanMarkup(message as never).links).toContain("https://news.example.org/a%7Cb%3Ec%3Cd");
  });

  it("at the schema's limits lists what fits and says how many more there are", () => {
    const kit = { ...limitsShareKit(), text: fill(5000) };
    const message = share(limitsCard(), kit);
    expectAccepted(message);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const text = shown(message);
    expect(text).toContain(LIMITS_NOTICE);
    expect(text).toContain("Status as of 23 April 2020");
    expect(text).toMatch(/\*Sources\*\\n• <https:\/\/news\.example\.org\/2020\/a_\(b\)\//);
    expect(text).toMatch(/\\n…and \d+ more"/);
  });
});

describe("a card at the schema's limits", () => {
  it("keeps the notice, the status as of and the sources, in a reply and a post", () => {
    const card = limitsCard();
    const messages = [
      renderReply({ kind: "card", card, share: limitsShareKit(), intro: fill(400), visibility: "public" }),
      renderPost({ kind: "daily", intro: fill(400), card, share: limitsShareKit(), idempotencyKey: "k" }),
    ];
    for (const message of messages) {
      expectAccepted(message);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      const text = shown(message);
      expect(text).toContain(LIMITS_NOTICE);
      expect(text).toContain('"text":"Status as of 23 April 2020"');
      expect(text).toMatch(/\*Sources\*\\n• <https:\/\/news\.example\.org\/2020\/a_\(b\)\//);
    }
  });
});

describe("a card whose every part is at its longest", () => {
  it("keeps ten sources, the notice and the status as of, cutting fields and summary instead", () => {
    const long = "x".repeat(2_000);
    const sources = Array.from({ length: 30 }, (_, i) => ({
      title: `Source ${i + 1} ${long.slice(0, 180)}`,
      publisher: `Publisher ${i + 1}`,
      url: `https://example.org/${i + 1}/${"p".repeat(200)}`,
    }));
    const card = sampleCard({
      notice: `N${long.slice(0, 999)}`,
      summary: long.repeat(3),
      subtitle: long,
      fields: Array.from({ length: 20 }, (_, i) => ({ label: `Field ${i}`, value: long })),
      sources,
    });
    const message = renderPost({
      kind: "daily",
      intro: long.slice(0, 300),
      card,
      share: sampleShare(),
      idempotencyKey: "limits-1",
    });
    expectAccepted(message);
    const text = shown(message);
    expect(text).toContain("Status as of");
    expect(text).toContain(`⚠️ N`);
    for (let i = 1; i <= 10; i++) expect(text).toContain(`https://example.org/${i}/`);
  });
});
