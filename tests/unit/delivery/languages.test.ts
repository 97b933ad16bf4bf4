/**
 * What a pass says to a channel is in the channel's language, else the default, else English: the
 * language rule read once per pass, the paused notice, the withdrawn edit, the cancelled spotlight's words.
 */
import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";
import type { ChannelLanguage } from "../../../src/core/ports/channel-languages.ts";
import { retractOnce, WITHDRAWN_TEXT, withdrawnText } from "../../../src/core/retraction.ts";
import { channelTranslators } from "../../../src/delivery/languages.ts";
import { pausedNoticeText } from "../../../src/delivery/moderator-notice.ts";

const persian = channelRef("telegram:-1001");
const other = channelRef("telegram:-1002");

function repository(rows: ChannelLanguage[]) {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    async all() {
      reads++;
      return rows;
    },
  };
}

describe("each channel's language in a pass", () => {
  it("reads every channel's choice once, and falls back to the default, then English", async () => {
    const repo = repository([{ channel: persian, language: "fa", setBy: "telegram:42", setAt: new Date() }]);
    const withDefault = await channelTranslators({ channelLanguages: repo, defaultLanguage: "es" });
    expect(withDefault(persian).language.tag).toBe("fa");
    expect(withDefault(other).language.tag).toBe("es");
    expect(withDefault(other).language.tag).toBe("es");
    expect(repo.reads).toBe(1);
    const withoutDefault = await channelTranslators({ channelLanguages: repo });
    expect(withoutDefault(other).language.tag).toBe("en");
    expect((await channelTranslators({}))(persian).language.tag).toBe("en");
  });
});

describe("notices in the channel's language", () => {
  const subscription = {
    postTime: "09:00",
    timezone: "Asia/Tehran",
    createdAt: new Date("2026-04-23T06:00:00Z"),
  };

  it("the paused notice: English unchanged, Persian in Persian", () => {
    expect(pausedNoticeText(subscription, "is_archived")).toBe(
      "The daily post at 09:00 (Asia/Tehran) that you set up there on 23 April 2026 is paused: is_archived. " +
        "The bot cannot post there as things are. Fix its access (unarchive the channel, add the bot back, " +
        "or give it permission to post), then run /subscribe there again to resume.",
    );
    const fa = pausedNoticeText(subscription, "is_archived", translatorFor("fa"));
    expect(fa).toContain("پست روزانهٔ ساعت 09:00");
    expect(fa).toContain("متوقف شده است");
    // The platform's reason and the zone, written left to right, are isolated inside the Persian sentence.
    expect(fa).toContain("\u2068is_archived\u2069");
    expect(fa).not.toContain("paused");
  });

  it("the withdrawn edit says the channel's words, English by default", async () => {
    expect(WITHDRAWN_TEXT).toBe("This post was withdrawn.");
    expect(withdrawnText(english)).toBe(WITHDRAWN_TEXT);
    expect(withdrawnText(translatorFor("fa"))).toBe("این پست پس گرفته شد.");
    const calls: Array<[string, string | undefined]> = [];
    const job = {
      deliveryId: 1,
      channel: persian,
      localDate: "2026-11-24",
      platform: "telegram",
      ref: { channelId: "-1001", messageId: "5" },
      sentAt: new Date(),
      attempts: 1,
    };
    const result = await retractOnce(
      async (_channel, _ref, mode, text) => {
        calls.push([mode, text]);
        return mode === "delete" ? { kind: "not-deletable", reason: "too old" } : { kind: "edited" };
      },
      job,
      "delete",
      withdrawnText(translatorFor("fa")),
    );
    expect(result).toEqual({ kind: "edited" });
    expect(calls).toEqual([
      ["delete", "این پست پس گرفته شد."],
      ["edit", "این پست پس گرفته شد."],
    ]);
  });
});
