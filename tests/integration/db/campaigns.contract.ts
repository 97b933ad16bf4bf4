/**
 * The campaigns part of the repository contract: listing with counts, and removal that refuses while
 * subscriptions or profiles depend on a campaign (writing nothing), or moves and removes them in one go.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { CAMPAIGN_ID, makeCampaign, makeProfile, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

const OWN = "own-2026";
const OWN_PERSON = "own-person";
const community = communityRef("discord:111");
const [channelA, channelB, channelC] = ["a", "b", "c"].map((c) => channelRef(`discord:111:${c}`)) as [
  ReturnType<typeof channelRef>,
  ReturnType<typeof channelRef>,
  ReturnType<typeof channelRef>,
];
const [MAMMADOV, MATOUK, SENTSOV] = sampleProfiles().map((p) => p.id) as [string, string, string];
const at = new Date("2026-05-01T10:00:00.000Z");

export function campaignsContract({ repositories }: ContractContext): void {
  /**
   * The sample campaign with three profiles, then one of one's own with one: channel A follows the
   * sample, B followed it and stopped, C follows one's own; a spotlight on Matouk in A, and a decided day
   * of each campaign's rotation.
   */
  async function seed() {
    const { catalog, subscriptions, spotlights, rotation } = repositories();
    await catalog.importBundle({ campaigns: [makeCampaign()], profiles: sampleProfiles() }, "curator");
    await catalog.importBundle(
      {
        campaigns: [makeCampaign({ id: OWN, isDefault: false })],
        profiles: [makeProfile({ id: OWN_PERSON, campaign: OWN })],
      },
      "curator",
    );
    const subscribe = (channel: typeof channelA, campaignId: string) =>
      subscriptions.upsert({
        channel,
        community,
        campaignId,
        postTime: "09:00",
        timezone: "UTC",
        actor: "mod",
      });
    const a = (await subscribe(channelA, CAMPAIGN_ID)).subscription;
    const b = (await subscribe(channelB, CAMPAIGN_ID)).subscription;
    await subscriptions.stop(channelB, "mod");
    await subscribe(channelC, OWN);
    const added = await spotlights.add({
      scope: "channel",
      channel: channelA,
      community,
      campaignId: CAMPAIGN_ID,
      profileId: MATOUK,
      localDate: "2026-05-10",
      timezone: "UTC",
      createdBy: "mod",
    });
    if (added.kind !== "added") throw new Error("the date was free");
    const { spotlight } = added;
    await rotation.record({
      campaignId: CAMPAIGN_ID,
      localDate: "2026-05-01",
      profileId: MAMMADOV,
      cycle: 0,
    });
    await rotation.record({ campaignId: OWN, localDate: "2026-05-01", profileId: OWN_PERSON, cycle: 0 });
    const dependents = {
      profiles: [MAMMADOV, MATOUK, SENTSOV],
      subscriptions: [
        { id: a.id, channel: channelA, state: "active" },
        { id: b.id, channel: channelB, state: "stopped" },
      ],
      spotlights: [
        {
          id: spotlight.id,
          channel: channelA,
          profileId: MATOUK,
          localDate: "2026-05-10",
          state: "scheduled",
        },
      ],
    };
    return { a, b, spotlight, dependents };
  }

  /** Everything a removal could touch, to show a refused one touched nothing. */
  async function everything() {
    const { catalog, subscriptions, rotation, audit } = repositories();
    return {
      version: await catalog.version(),
      campaigns: await catalog.listCampaigns(),
      profiles: (await catalog.listProfiles()).map((s) => s.profile),
      subscriptions: await subscriptions.list(),
      rotation: await rotation.history(CAMPAIGN_ID),
      audit: await audit.list(),
    };
  }

  describe("campaigns", () => {
    it("lists every campaign oldest first, with its profiles and its subscriptions of every state", async () => {
      await seed();
      const listed = await repositories().campaigns.list();
      expect(listed.map(({ campaign, ...counts }) => ({ id: campaign.id, ...counts }))).toEqual([
        { id: CAMPAIGN_ID, profiles: 3, subscriptions: 2, activeSubscriptions: 1 },
        { id: OWN, profiles: 1, subscriptions: 1, activeSubscriptions: 1 },
      ]);
      expect(listed[0]?.campaign).toEqual(makeCampaign());
    });

    it("refuses a campaign something depends on, naming it, and writes nothing", async () => {
      const { dependents } = await seed();
      const { campaigns } = repositories();
      const before = await everything();
      const request = { actor: "cli:ops", at };

      expect(await campaigns.remove(CAMPAIGN_ID, { ...request, withProfiles: false })).toEqual({
        kind: "refused",
        dependents,
        needs: ["move-to", "with-profiles"],
      });
      expect(await campaigns.remove(CAMPAIGN_ID, { ...request, moveTo: OWN, withProfiles: false })).toEqual({
        kind: "refused",
        dependents,
        needs: ["with-profiles"],
      });
      expect(await campaigns.remove(CAMPAIGN_ID, { ...request, withProfiles: true })).toMatchObject({
        kind: "refused",
        needs: ["move-to"],
      });
      expect(await everything()).toEqual(before);
    });

    it("names the campaigns there are when the campaign or the one to move to is unknown", async () => {
      await seed();
      const { campaigns } = repositories();
      const request = { actor: "cli:ops", at, withProfiles: true };
      const before = await everything();

      expect(await campaigns.remove("nope", request)).toEqual({
        kind: "unknown-campaign",
        known: [CAMPAIGN_ID, OWN],
      });
      for (const moveTo of ["nope", CAMPAIGN_ID, "constructor"]) {
        expect(await campaigns.remove(CAMPAIGN_ID, { ...request, moveTo }), moveTo).toEqual({
          kind: "unknown-target",
          known: [OWN],
        });
      }
      expect(await everything()).toEqual(before);
    });

    it("moves its subscriptions, removes its profiles, spotlights and rotation days, and audits each", async () => {
      const { a, b, spotlight, dependents } = await seed();
      const { campaigns, catalog, subscriptions, spotlights, rotation, audit } = repositories();
      const version = await catalog.version();

      const outcome = await campaigns.remove(CAMPAIGN_ID, {
        moveTo: OWN,
        withProfiles: true,
        actor: "cli:ops",
        at,
      });

      expect(outcome).toEqual({ kind: "removed", campaign: makeCampaign(), dependents });
      expect((await catalog.listCampaigns()).map((c) => c.id)).toEqual([OWN]);
      expect((await catalog.listProfiles()).map((s) => s.profile.id)).toEqual([OWN_PERSON]);
      expect(await catalog.version()).not.toBe(version);
      const moved = await subscriptions.list();
      expect(moved.map((s) => [s.channel, s.campaignId, s.state])).toEqual([
        [channelA, OWN, "active"],
        [channelB, OWN, "stopped"],
        [channelC, OWN, "active"],
      ]);
      expect(await spotlights.get(spotlight.id)).toBeUndefined();
      expect(await rotation.history(CAMPAIGN_ID)).toEqual([]);
      expect((await rotation.history(OWN)).map((d) => d.profileId)).toEqual([OWN_PERSON]);

      const entries = (await audit.list()).filter((e) => e.actor === "cli:ops");
      expect(entries.map((e) => [e.action, e.entityId])).toEqual([
        [AUDIT_ACTIONS.campaignRemoved, CAMPAIGN_ID],
        [AUDIT_ACTIONS.profileRemoved, SENTSOV],
        [AUDIT_ACTIONS.profileRemoved, MATOUK],
        [AUDIT_ACTIONS.profileRemoved, MAMMADOV],
        [AUDIT_ACTIONS.spotlightRemoved, String(spotlight.id)],
        [AUDIT_ACTIONS.subscriptionUpdated, String(b.id)],
        [AUDIT_ACTIONS.subscriptionUpdated, String(a.id)],
      ]);
      expect(entries[0]).toEqual({
        at,
        actor: "cli:ops",
        action: AUDIT_ACTIONS.campaignRemoved,
        entityType: "campaign",
        entityId: CAMPAIGN_ID,
        details: { movedTo: OWN, subscriptions: 2, profiles: 3, spotlights: 1 },
      });
      expect(entries.at(-1)?.details).toEqual({
        channel: channelA,
        campaignId: OWN,
        previousCampaignId: CAMPAIGN_ID,
      });

      // Nothing of it is left behind: the same files import as new again.
      const again = await catalog.importBundle(
        { campaigns: [makeCampaign({ isDefault: false })], profiles: sampleProfiles() },
        "curator",
      );
      expect(again).toEqual({
        campaigns: { created: 1, updated: 0, unchanged: 0 },
        profiles: { created: 3, updated: 0, unchanged: 0 },
      });
    });

    it("removes a campaign nothing depends on without any option", async () => {
      const { campaigns, catalog } = repositories();
      await catalog.importBundle(
        { campaigns: [makeCampaign({ id: "empty", isDefault: false })], profiles: [] },
        "c",
      );

      const outcome = await campaigns.remove("empty", { withProfiles: false, actor: "cli:ops", at });

      expect(outcome).toMatchObject({
        kind: "removed",
        dependents: { profiles: [], subscriptions: [], spotlights: [] },
      });
      expect(await catalog.listCampaigns()).toEqual([]);
    });
  });
}
