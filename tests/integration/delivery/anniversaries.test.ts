/**
 * Anniversaries through the real delivery pass (issue 16): on the anniversary of an arrest, a subscription
 * with anniversaries on posts that family with the reason, one with them off posts the rotation's family,
 * each on its own local date (a channel at UTC+14 and one at UTC-11), and /today agrees with the post.
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "./harness.ts";

// Khalil Matouk was arrested on 2 October 2012 (the sample data).
const REASON = "14 years ago today, Khalil Matouk was arrested.";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`anniversaries in the delivery on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    it("posts the anniversary's family where anniversaries are on, the rotation's where they are off", async () => {
      const telegram = createRecordingPlatform();
      world.setNow("2026-10-01T12:00:00Z");
      const on = await world.subscribe("telegram:-1001", "09:00", "Pacific/Kiritimati");
      const off = await world.subscribe("telegram:-1002", "09:00", "Pacific/Kiritimati");
      const late = await world.subscribe("telegram:-1003", "09:00", "Pacific/Pago_Pago");
      await world.repositories.subscriptions.upsert({
        channel: off,
        community: communityRef("telegram:-1002"),
        campaignId: CAMPAIGN,
        postTime: "09:00",
        timezone: "Pacific/Kiritimati",
        anniversaries: false,
        actor: "telegram:42",
        at: new Date("2026-10-01T12:00:00Z"),
      });

      // The rotation had already chosen another family for 2 October (a channel ahead in time decided it):
      // Khalil Matouk has not had his turn in this round, so his anniversary may put him first.
      await world.repositories.rotation.record({
        campaignId: CAMPAIGN,
        localDate: "2026-10-02",
        profileId: "narges-mohammadi",
        cycle: 0,
      });

      // 09:00 on 2 October at UTC+14 is 19:00 UTC on 1 October: still 1 October at UTC-11.
      world.setNow("2026-10-01T19:00:10Z");
      expect(countByKind(await world.delivery([telegram.adapter]).runPass())).toEqual({ sent: 2 });
      const [withReason] = telegram.messagesTo(on);
      expect(withReason?.post.card.profileId).toBe("khalil-matouk");
      expect(withReason?.post.intro).toBe(REASON);

      const [plain] = telegram.messagesTo(off);
      const history = await world.repositories.rotation.history(CAMPAIGN);
      const logged = history.find((e) => e.localDate === "2026-10-02");
      expect(logged?.profileId).toBe("narges-mohammadi");
      expect(plain?.post.card.profileId).toBe("narges-mohammadi");
      expect(plain?.post.intro).toBe("Today's featured family (2 October 2026)");

      // /today in each channel says what its post said.
      const community = communityRef("telegram:-1001");
      const today = await world.services.featured.forChannel(on, community);
      expect(today).toMatchObject({ anniversary: { kind: "arrest", years: 14 } });
      expect(today?.profile.profile.id).toBe("khalil-matouk");
      const offToday = await world.services.featured.forChannel(off, communityRef("telegram:-1002"));
      expect(offToday?.profile.profile.id).toBe(logged?.profileId);
      expect(offToday?.anniversary).toBeUndefined();
      // The panel's Today asks for many channels at once, and gets the same answers.
      const subscribed = await Promise.all(
        [on, off].map((c) => world.services.subscriptions.findByChannel(c)),
      );
      const many = await world.services.featured.forSubscriptions(subscribed.map((s) => s!));
      expect(many).toEqual([today, offToday]);

      // 09:00 on 2 October at UTC-11 is 20:00 UTC that day: the anniversary on that channel's own date
      // (its 1 October post is long missed here), and 3 October at UTC+14.
      world.setNow("2026-10-02T20:00:10Z");
      expect(countByKind(await world.delivery([telegram.adapter]).runPass())).toMatchObject({ sent: 3 });
      const [latePost] = telegram.messagesTo(late);
      expect(latePost?.post.intro).toBe(REASON);
      expect(latePost?.post.card.profileId).toBe("khalil-matouk");
      const rows = await world.repositories.deliveries.list({ channel: channelRef("telegram:-1003") });
      expect(rows.find((r) => r.localDate === "2026-10-02")?.profileId).toBe("khalil-matouk");
      // Over the two days, each track shows two different families: the anniversary took Khalil Matouk's turn.
      const twoDays = (channel: typeof on) => telegram.messagesTo(channel).map((m) => m.post.card.profileId);
      for (const channel of [on, off]) expect(new Set(twoDays(channel)).size).toBe(2);
    });
  });
}
