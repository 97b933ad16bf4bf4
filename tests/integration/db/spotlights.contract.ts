/**
 * The spotlight part of the repository contract: listing and cancelling, and one scheduled spotlight per
 * channel and date (and per community and date), also when several moderators schedule at once.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { NewSpotlight, Spotlight, SpotlightRepository } from "../../../src/core/ports/spotlights.ts";
import { CAMPAIGN_ID, makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

const channel = channelRef("discord:111:222");
const otherChannel = channelRef("discord:111:333");
const community = communityRef("discord:111");
const otherCommunity = communityRef("discord:999");
const [MAMMADOV, MATOUK, SENTSOV] = sampleProfiles().map((p) => p.id) as [string, string, string];

const spotlight = (over: Partial<NewSpotlight> = {}): NewSpotlight => ({
  scope: "channel",
  channel,
  community,
  campaignId: CAMPAIGN_ID,
  profileId: MAMMADOV,
  localDate: "2026-05-10",
  timezone: "Europe/Baku",
  createdBy: "mod",
  ...over,
});

/** Adds a spotlight the test expects to be added. */
async function added(spotlights: SpotlightRepository, input: NewSpotlight): Promise<Spotlight> {
  const result = await spotlights.add(input);
  if (result.kind !== "added")
    throw new Error(`expected it added, the date is taken by #${result.standing.id}`);
  return result.spotlight;
}

export function spotlightsContract({ repositories }: ContractContext): void {
  const seedCatalog = () =>
    repositories().catalog.importBundle(
      { campaigns: [makeCampaign()], profiles: sampleProfiles() },
      "curator",
    );

  describe("spotlights", () => {
    it("lists this channel's and this community's scheduled spotlights from a date, by date", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const add = (over: Partial<NewSpotlight> = {}) => added(spotlights, spotlight(over));
      const later = await add({ localDate: "2026-05-12", localTime: "12:00" });
      const communityWide = await add({
        scope: "community",
        channel: otherChannel,
        localDate: "2026-05-11",
        profileId: MATOUK,
      });
      const first = await add();
      await add({ localDate: "2026-05-01" }); // before the date asked for
      await add({ channel: otherChannel }); // another channel's own
      const cancelled = await add({ localDate: "2026-05-20" });
      await spotlights.cancel(cancelled.id, { actor: "mod", reason: "changed our minds" });

      const upcoming = await spotlights.listUpcoming(channel, community, "2026-05-10");
      expect(upcoming.map((s) => s.id)).toEqual([first.id, communityWide.id, later.id]);
      expect(first).toMatchObject({ state: "scheduled", localDate: "2026-05-10" });
      expect("localTime" in first).toBe(false);
      expect(later.localTime).toBe("12:00");
      expect(await spotlights.get(later.id)).toEqual(later);
      expect(await spotlights.get(9999)).toBeUndefined();
    });

    it("cancels a scheduled spotlight once, with the reason, and audits both steps", async () => {
      await seedCatalog();
      const { spotlights, audit } = repositories();
      const one = await added(spotlights, spotlight());

      const cancelled = await spotlights.cancel(one.id, { actor: "mod-2", reason: "released" });
      expect(cancelled).toMatchObject({ id: one.id, state: "cancelled", cancelReason: "released" });
      expect(await spotlights.cancel(one.id, { actor: "mod-2", reason: "again" })).toBeUndefined();
      const actions = (await audit.list({ entityType: "spotlight", entityId: String(one.id) })).map(
        (e) => e.action,
      );
      expect(actions).toEqual([AUDIT_ACTIONS.spotlightCancelled, AUDIT_ACTIONS.spotlightScheduled]);
    });

    it("lists a profile's scheduled spotlights, and refuses an unknown profile", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const a = await added(spotlights, spotlight({ localDate: "2026-06-02" }));
      const b = await added(spotlights, spotlight({ localDate: "2026-06-01", channel: otherChannel }));
      await added(spotlights, spotlight({ profileId: SENTSOV }));
      expect((await spotlights.listScheduledForProfile(MAMMADOV)).map((s) => s.id)).toEqual([b.id, a.id]);
      await expect(
        spotlights.add(spotlight({ profileId: "nobody", localDate: "2026-06-03" })),
      ).rejects.toThrow();
      await expect(
        spotlights.add(spotlight({ profileId: "nobody", localDate: "2026-06-02" }), { replace: true }),
      ).rejects.toThrow();
      expect(await spotlights.get(a.id)).toEqual(a); // nothing replaced
    });

    it("refuses a second spotlight for a channel and date, saying which one stands", async () => {
      await seedCatalog();
      const { spotlights, audit } = repositories();
      const first = await added(spotlights, spotlight({ localTime: "10:00" }));

      const second = await spotlights.add(spotlight({ profileId: MATOUK, createdBy: "mod-2" }));
      expect(second).toEqual({ kind: "taken", standing: first });
      expect((await spotlights.listUpcoming(channel, community, "2026-05-01")).map((s) => s.id)).toEqual([
        first.id,
      ]);
      expect(await audit.list({ entityType: "spotlight" })).toHaveLength(1);
      // Another channel, another date, or the community as a whole: each a place of its own.
      await added(spotlights, spotlight({ channel: otherChannel }));
      await added(spotlights, spotlight({ localDate: "2026-05-11" }));
      await added(spotlights, spotlight({ scope: "community" }));
      // A cancelled spotlight holds nothing.
      await spotlights.cancel(first.id, { actor: "mod", reason: "changed our minds" });
      expect((await spotlights.add(spotlight({ profileId: MATOUK }))).kind).toBe("added");
    });

    it("refuses a second community-wide spotlight for a community and date", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const wide = await added(spotlights, spotlight({ scope: "community" }));
      // Set from another channel of the same community: the same place.
      const again = await spotlights.add(
        spotlight({ scope: "community", channel: otherChannel, profileId: MATOUK }),
      );
      expect(again).toEqual({ kind: "taken", standing: wide });
      await added(
        spotlights,
        spotlight({ scope: "community", channel: channelRef("discord:999:1"), community: otherCommunity }),
      );
    });

    it("replaces the standing spotlight in one step: cancelled with the reason, both audited", async () => {
      await seedCatalog();
      const { spotlights, audit } = repositories();
      const first = await added(spotlights, spotlight());

      const result = await spotlights.add(spotlight({ profileId: MATOUK, createdBy: "mod-2" }), {
        replace: true,
      });
      if (result.kind !== "added") throw new Error("expected the replacement added");
      expect(result.replaced).toMatchObject({ id: first.id, profileId: MAMMADOV, state: "cancelled" });
      expect(await spotlights.get(first.id)).toMatchObject({
        state: "cancelled",
        cancelReason: "replaced by another spotlight for the same date",
      });
      const upcoming = await spotlights.listUpcoming(channel, community, "2026-05-01");
      expect(upcoming).toEqual([result.spotlight]);
      const entries = await audit.list({ entityType: "spotlight" });
      expect(entries.map((e) => [e.action, e.entityId, e.actor])).toEqual([
        [AUDIT_ACTIONS.spotlightScheduled, String(result.spotlight.id), "mod-2"],
        [AUDIT_ACTIONS.spotlightCancelled, String(first.id), "mod-2"],
        [AUDIT_ACTIONS.spotlightScheduled, String(first.id), "mod"],
      ]);
      // Nothing standing: replace simply adds.
      const alone = await spotlights.add(spotlight({ localDate: "2026-05-11" }), { replace: true });
      expect(alone).toMatchObject({ kind: "added" });
      expect("replaced" in alone).toBe(false);
    });

    it("lets exactly one of many concurrent schedules for a date stand", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const profiles = [MAMMADOV, MATOUK, SENTSOV];
      const results = await Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          spotlights.add(spotlight({ profileId: profiles[i % 3]!, createdBy: `mod-${i}` })),
        ),
      );
      const winners = results.flatMap((r) => (r.kind === "added" ? [r.spotlight] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) if (r.kind === "taken") expect(r.standing).toEqual(winners[0]);

      const replacing = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          spotlights.add(spotlight({ profileId: profiles[i % 3]!, createdBy: `rep-${i}` }), {
            replace: true,
          }),
        ),
      );
      expect(replacing.every((r) => r.kind === "added")).toBe(true);
      const standing = await spotlights.listUpcoming(channel, community, "2026-05-10");
      expect(standing).toHaveLength(1);
      expect(standing[0]!.createdBy).toMatch(/^rep-/);
    });

    it("lists every scheduled spotlight of a community on a date, channels' own and community-wide", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const own = await added(spotlights, spotlight());
      const others = await added(spotlights, spotlight({ channel: otherChannel, profileId: MATOUK }));
      const wide = await added(spotlights, spotlight({ scope: "community", profileId: SENTSOV }));
      await added(spotlights, spotlight({ localDate: "2026-05-11" }));
      await added(spotlights, spotlight({ channel: channelRef("discord:999:1"), community: otherCommunity }));
      const cancelled = await added(spotlights, spotlight({ channel: channelRef("discord:111:444") }));
      await spotlights.cancel(cancelled.id, { actor: "mod", reason: "no" });

      const onDate = await spotlights.listOnDate(community, "2026-05-10");
      expect(onDate.map((s) => s.id)).toEqual([own.id, others.id, wide.id]);
    });

    it("lists a community's scheduled spotlights between two dates, both included, by date", async () => {
      await seedCatalog();
      const { spotlights } = repositories();
      const before = await added(spotlights, spotlight({ localDate: "2026-04-30" }));
      const first = await added(spotlights, spotlight({ localDate: "2026-05-01" }));
      const wide = await added(spotlights, spotlight({ scope: "community", localDate: "2026-05-15" }));
      const others = await added(spotlights, spotlight({ channel: otherChannel, localDate: "2026-05-02" }));
      const last = await added(spotlights, spotlight({ localDate: "2026-05-31" }));
      await added(spotlights, spotlight({ localDate: "2026-06-01" }));
      await added(spotlights, spotlight({ channel: channelRef("discord:999:1"), community: otherCommunity }));
      const cancelled = await added(spotlights, spotlight({ localDate: "2026-05-20" }));
      await spotlights.cancel(cancelled.id, { actor: "mod", reason: "no" });

      const month = await spotlights.listInCommunity(community, "2026-05-01", "2026-05-31");
      expect(month.map((s) => s.id)).toEqual([first.id, others.id, wide.id, last.id]);
      expect(month.map((s) => s.id)).not.toContain(before.id);
      const everywhere = await spotlights.listBetween("2026-05-31", "2026-06-01");
      expect(everywhere.map((s) => s.localDate)).toEqual(["2026-05-31", "2026-06-01"]);
      const elsewhere = await spotlights.listBetween("2026-05-10", "2026-05-10");
      expect(elsewhere.map((s) => s.community)).toEqual([otherCommunity]);
    });
  });
}
