/**
 * A daily post goes out in its channel's language (channel_languages, else the default, else English): the
 * intro, the post's language for the renderer, and the renderer's own words; other channels stay English.
 */
import { describe, expect, it } from "vitest";
import { renderPost } from "../../../platforms/telegram/render.ts";
import { communityRef } from "../../../src/core/channel.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { statusLabel } from "../../../src/presentation/wording.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`delivery languages on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    it("posts in Persian to a channel set to Persian, and in English elsewhere", async () => {
      const telegram = createRecordingPlatform();
      world.setNow("2026-11-24T04:00:00Z");
      const persian = await world.subscribe("telegram:-1001", "09:00", "UTC");
      const english = await world.subscribe("telegram:-1002", "09:00", "UTC");
      await world.repositories.channelLanguages.set({
        channel: persian,
        community: communityRef("telegram:-1001"),
        language: "fa",
        actor: "telegram:42",
      });

      world.setNow("2026-11-24T09:00:10Z");
      const report = await world.delivery([telegram.adapter]).runPass();
      expect(countByKind(report)).toEqual({ sent: 2 });

      const [fa] = telegram.messagesTo(persian);
      expect(fa?.post.language).toBe("fa");
      expect(fa?.post.intro).toContain("خانوادهٔ برگزیدهٔ امروز");
      expect(fa?.post.intro).not.toContain("Today's featured family");
      const shown = renderPost(fa!.post).text;
      expect(shown).toContain("<b>منابع</b>");
      expect(shown).not.toMatch(/<b>Sources<\/b>/);

      const [en] = telegram.messagesTo(english);
      expect(en?.post.language).toBe("en");
      expect(en?.post.intro).toBe("Today's featured family (24 November 2026)");
      expect(renderPost(en!.post).text).toContain("<b>Sources</b>");
    });

    it("tells a Persian channel's moderators of a cancelled spotlight in Persian, its post a spotlight in Persian", async () => {
      const telegram = createRecordingPlatform();
      const chat = await world.subscribe("telegram:-1001");
      const subscription = (await world.repositories.subscriptions.findByChannel(chat))!;
      await world.repositories.channelLanguages.set({
        channel: chat,
        community: subscription.community,
        language: "fa",
        actor: "telegram:42",
      });
      for (const [profileId, localDate] of [
        ["narges-mohammadi", "2026-11-24"],
        ["oleg-sentsov", "2026-11-26"], // released in the sample: cancelled by the pass
      ] as const) {
        await world.repositories.spotlights.add({
          scope: "channel",
          channel: chat,
          community: subscription.community,
          campaignId: subscription.campaignId,
          profileId,
          localDate,
          timezone: "UTC",
          createdBy: "telegram:42",
        });
      }
      world.setNow("2026-11-24T09:00:00Z");
      await world.delivery([telegram.adapter]).runPass();
      const post = telegram.messagesTo(chat)[0]!.post;
      expect(post).toMatchObject({ kind: "spotlight", language: "fa" });
      expect(post.intro).toContain("به انتخاب مدیران این انجمن");
      expect(telegram.notices[0]!.text).toContain("لغو شد");
      expect(telegram.notices[0]!.text).toContain("Oleg Sentsov");
      expect(telegram.notices[0]!.text).not.toContain("The spotlight of");
      // The status in the card's Persian words ("آزادشده"), never the English "Released".
      expect(telegram.notices[0]!.text).toContain(statusLabel("released", "male", translatorFor("fa")));
      expect(telegram.notices[0]!.text).not.toMatch(/Released|served/);
    });
  });
}
