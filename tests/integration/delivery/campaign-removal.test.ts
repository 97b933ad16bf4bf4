/**
 * Removing a campaign while today's posts still wait for a retry, over PGlite and the Postgres server: a
 * moved subscription's post goes out with its new campaign's family, and a post that only stood for a
 * removed spotlight is cancelled, never sent, while the ledger keeps its rows.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { addDays, localDateOf } from "../../../src/core/time.ts";
import type { Campaign, Profile } from "../../../src/core/profile.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "./harness.ts";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const OWN = "own-2026";
/**
 * A day after the real today: a spotlight is planned only for a time after it was made, and the database
 * stamps that with its own clock.
 */
const DAY = addDays(localDateOf(new Date(), "UTC"), 2);

/** A live campaign of one's own with one recently verified profile (a renamed copy of Khalil Matouk's). */
async function ownCampaign(): Promise<{ campaigns: Campaign[]; profiles: Profile[] }> {
  const read = await readImportFiles([`${DATA}campaign.yaml`, `${DATA}profiles/khalil-matouk.yaml`]);
  const [sample, template] = [read.campaigns[0]!, read.profiles[0]!];
  const { historical: _past, ...live } = sample;
  const profile: Profile = { ...structuredClone(template), id: "own-person", campaign: OWN };
  profile.displayName = "Own Person";
  profile.names = [{ ...template.names[0]!, value: "Own Person" }];
  profile.lastVerifiedAt = DAY;
  return { campaigns: [{ ...live, id: OWN, isDefault: false }], profiles: [profile] };
}

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`removing a campaign with posts under way on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    it("sends a moved subscription's waiting post from its new campaign and cancels a removed spotlight's", async () => {
      world.setNow(`${DAY}T08:00:00Z`);
      await world.repositories.catalog.importBundle(await ownCampaign(), "curator");
      const telegram = createRecordingPlatform();
      const subscribed = await world.subscribe("telegram:-1001");
      const spotlighted = channelRef("telegram:-1002");
      await world.repositories.spotlights.add({
        scope: "channel",
        channel: spotlighted,
        community: communityRef(spotlighted),
        campaignId: CAMPAIGN,
        profileId: "khalil-matouk",
        localDate: DAY,
        timezone: "UTC",
        createdBy: "telegram:mod",
      });
      for (const chat of [subscribed, spotlighted]) {
        telegram.script(chat, { kind: "transient", reason: "429", retryAfterMs: 60_000 });
      }
      world.setNow(`${DAY}T09:00:10Z`);
      const delivery = world.delivery([telegram.adapter]);
      expect(countByKind(await delivery.runPass())).toEqual({ retrying: 2 });

      const outcome = await world.repositories.campaigns.remove(CAMPAIGN, {
        moveTo: OWN,
        withProfiles: true,
        actor: "cli:ops",
        at: new Date(`${DAY}T09:00:20Z`),
      });
      expect(outcome.kind).toBe("removed");

      world.setNow(`${DAY}T09:05:00Z`);
      expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
      expect(telegram.messagesTo(subscribed).map((m) => m.post.card.title)).toEqual(["Own Person"]);
      expect(telegram.attemptsTo(spotlighted)).toBe(1);
      const [kept] = await world.repositories.deliveries.list({ channel: spotlighted });
      expect(kept).toMatchObject({ state: "cancelled", detail: "its spotlight's campaign was removed" });
      expect(kept?.spotlightId).toBeUndefined();
    });
  });
}
