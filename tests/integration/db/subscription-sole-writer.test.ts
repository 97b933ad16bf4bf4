/**
 * A channel's subscription on embedded PGlite, whose one owner process makes every write: what a read found
 * stands until this process writes the subscriptions table again, through the repository, the daily plan or
 * a campaign's removal; a repository over a server still asks every time.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createCampaignRepository } from "../../../db/repositories/campaigns.ts";
import { createCatalogRepository } from "../../../db/repositories/catalog.ts";
import { recordPlan } from "../../../db/repositories/delivery-plan.ts";
import { createSubscriptionRepository } from "../../../db/repositories/subscriptions.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { makeCampaign } from "../../fixtures/profiles.ts";
import { emptiedForEachTest, pgliteThreads } from "../../support/test-database.ts";

const CHANNEL = channelRef("telegram:-1001");
const COMMUNITY = communityRef("telegram:-1001");

describe.each(pgliteThreads)(
  "subscriptions when this process is PGlite's only writer, on $thread",
  (target) => {
    const opened = emptiedForEachTest(target);
    beforeEach(async () => {
      await campaigns();
    });

    const sole = () => createSubscriptionRepository(opened().db, { soleWriter: true });
    const asking = () => createSubscriptionRepository(opened().db);
    const campaigns = () =>
      createCatalogRepository(opened().db).importBundle(
        {
          campaigns: [
            makeCampaign({ id: "c1" }),
            makeCampaign({ id: "c2", name: "Second", isDefault: false }),
          ],
          profiles: [],
        },
        "curator",
      );
    const subscribe = (timezone: string, campaignId = "c1") =>
      asking().upsert({
        channel: CHANNEL,
        community: COMMUNITY,
        campaignId,
        postTime: "09:00",
        timezone,
        actor: "mod",
      });
    /** A change made behind the repositories' backs: only a repository that asks again sees it. */
    const behindTheBacks = (timezone: string) =>
      opened().db.execute(sql`update subscriptions set timezone = ${timezone}`);

    it("keeps what it read, with or without a subscription, unlike a repository that asks", async () => {
      const reader = sole();
      expect(await reader.findByChannel(CHANNEL)).toBeUndefined();
      await subscribe("Asia/Baku");
      const found = await reader.findByChannel(CHANNEL);
      expect(found?.timezone).toBe("Asia/Baku");
      await behindTheBacks("Europe/Paris");
      expect((await reader.findByChannel(CHANNEL))?.timezone).toBe("Asia/Baku");
      expect((await asking().findByChannel(CHANNEL))?.timezone).toBe("Europe/Paris");
    });

    it("sees every write of this process: the repository's, the daily plan's, a campaign's removal", async () => {
      const { subscription } = await subscribe("Asia/Baku");
      const reader = sole();
      await reader.findByChannel(CHANNEL);
      await asking().pause(CHANNEL, { reason: "test", actor: "mod" });
      expect((await reader.findByChannel(CHANNEL))?.state).toBe("paused");

      await behindTheBacks("Europe/Paris");
      await recordPlan(opened().db, [], [{ subscriptionId: subscription.id, localDate: "2026-12-07" }]);
      const planned = await reader.findByChannel(CHANNEL);
      expect(planned?.plannedThrough).toBe("2026-12-07");
      expect(planned?.timezone).toBe("Europe/Paris");

      const removed = await createCampaignRepository(opened().db).remove("c1", {
        moveTo: "c2",
        withProfiles: false,
        actor: "mod",
        at: new Date(),
      });
      expect(removed.kind).toBe("removed");
      expect((await reader.findByChannel(CHANNEL))?.campaignId).toBe("c2");
    });

    it("does not keep a read that overlapped a write, and reads the committed row after it", async () => {
      await subscribe("Asia/Baku");
      const reader = sole();
      const [during] = await Promise.all([reader.findByChannel(CHANNEL), subscribe("Europe/Paris")]);
      expect(["Asia/Baku", "Europe/Paris"]).toContain(during?.timezone);
      expect((await reader.findByChannel(CHANNEL))?.timezone).toBe("Europe/Paris");
    });
  },
);
