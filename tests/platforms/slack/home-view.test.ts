/**
 * The App Home view within Slack's limits whatever it holds: the largest card, a workspace with more
 * channels than fit, hostile text; and without the buttons a Home cannot answer (they need a message's
 * response_url).
 */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { HOME_MAX_CHANNELS, type HomeChannel, renderHome } from "../../../platforms/slack/home-view.ts";
import { scanMarkup } from "../../fakes/slack/markup.ts";
import { validateBlocks } from "../../fakes/slack/validate.ts";
import { cardReply, HOSTILE, hostileCard } from "./fixtures.ts";

const limits = { maxBlocksText: Number.POSITIVE_INFINITY, imageReachable: () => true };

function channels(count: number): HomeChannel[] {
  return Array.from({ length: count }, (_, i) => ({
    channelId: `C0HOME${i}`,
    ref: `slack:T0HOME:C0HOME${i}`,
    state: i % 2 === 0 ? ("active" as const) : ("paused" as const),
    ...(i % 2 === 0 ? { nextPost: new Date("2026-11-24T14:00:00Z") } : { pausedReason: HOSTILE.mentions }),
    timezone: "America/New_York",
  }));
}

describe("the Slack Home view", () => {
  it("stays within 100 valid blocks with the largest card and more channels than fit, counting the rest", () => {
    const reply: Reply = {
      ...cardReply(hostileCard()),
      buttons: [{ kind: "command", label: "What you can do", command: "act", args: "x" }],
    } as Reply;
    const view = renderHome({
      tr: translatorFor("en"),
      notice: "Paused: <#C0HOME1>.",
      card: { reply, searched: true },
      channels: channels(HOME_MAX_CHANNELS + 25),
      privateMetadata: JSON.stringify({ dm: "D0HOME" }),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(validateBlocks(view.blocks, 100, limits)).toBeUndefined();
    const text = JSON.stringify(view);
    expect(text).toContain("25 more channels not shown.");
    expect(text).toContain(`"action_id":"ftbh.home.pause.${HOME_MAX_CHANNELS - 2}"`);
    expect(text).not.toMatch(/ftbh\.(act|choice)\./);
    // Everything Slack would read as mrkdwn is escaped: the view mentions nobody (plain text is never parsed).
    expect(scanMarkup({ blocks: view.blocks }).mentions.filter((m) => !m.startsWith("<#C0HOME"))).toEqual([]);
  });

  it("shows no channels section to a member, and says so when a moderator's workspace has none", () => {
    const base = {
      tr: translatorFor("en"),
      card: { reply: cardReply(), searched: false },
      privateMetadata: "{}",
    };
    expect(JSON.stringify(renderHome(base))).not.toContain("Channels subscribed");
    expect(JSON.stringify(renderHome({ ...base, channels: [] }))).toContain(
      "No channel here is subscribed yet",
    );
  });
});
