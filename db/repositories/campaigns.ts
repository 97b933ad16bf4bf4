/**
 * Campaigns as a whole on the database: listed with what hangs on them, and removed in one transaction
 * that first moves their subscriptions elsewhere and removes their profiles only when asked to.
 */
import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { campaignRemovalNeeds } from "../../src/core/campaign-removal.ts";
import type {
  CampaignDependents,
  CampaignRemovalRequest,
  CampaignRepository,
} from "../../src/core/ports/campaigns.ts";
import type { Db } from "../client.ts";
import { campaigns, deliveries, featuredDays, profiles, spotlights, subscriptions } from "../schema/index.ts";
import { appendAudit } from "./audit.ts";
import { campaignRemovalAudit } from "./campaign-audit.ts";
import { fromCampaignRow } from "./campaign-rows.ts";
import { bumpRevision, lockCatalog } from "./catalog-lock.ts";
import { chunks, MAX_PARAMETERS } from "./chunked.ts";
import { subscriptionWrites } from "./kept-reads.ts";

const oldestFirst = [asc(campaigns.createdAt), asc(campaigns.id)];

async function campaignIds(tx: Db): Promise<string[]> {
  return (
    await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .orderBy(...oldestFirst)
  ).map((r) => r.id);
}

/** The campaign's profiles as a subquery: a list of their ids would bind a parameter each (over 65,535). */
function profilesOf(tx: Db, id: string) {
  return tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.campaignId, id));
}

async function loadDependents(tx: Db, id: string): Promise<CampaignDependents> {
  const profileRows = await tx
    .select({ id: profiles.id })
    .from(profiles)
    .where(eq(profiles.campaignId, id))
    .orderBy(asc(profiles.seq));
  const profileIds = profileRows.map((r) => r.id);
  const subscriptionRows = await tx
    .select({ id: subscriptions.id, channel: subscriptions.channelRef, state: subscriptions.state })
    .from(subscriptions)
    .where(eq(subscriptions.campaignId, id))
    .orderBy(asc(subscriptions.id));
  const spotlightRows = await tx
    .select({
      id: spotlights.id,
      channel: spotlights.channelRef,
      profileId: spotlights.profileId,
      localDate: spotlights.localDate,
      state: spotlights.state,
    })
    .from(spotlights)
    .where(
      profileIds.length > 0
        ? or(eq(spotlights.campaignId, id), inArray(spotlights.profileId, profilesOf(tx, id)))
        : eq(spotlights.campaignId, id),
    )
    .orderBy(asc(spotlights.id));
  return { profiles: profileIds, subscriptions: subscriptionRows, spotlights: spotlightRows };
}

/**
 * The delivery ledger keeps its history: rows made for a removed spotlight lose the link (their channel,
 * date, campaign and profile stay as written), and one still waiting with no subscription behind it is
 * cancelled. Waiting rows of moved subscriptions post the new campaign's family.
 */
async function updateLedger(tx: Db, dependents: CampaignDependents, moveTo: string | undefined) {
  const ids = (items: Array<{ id: number }>) =>
    chunks(
      items.map(({ id }) => id),
      MAX_PARAMETERS,
    );
  for (const spotlightIds of ids(dependents.spotlights)) {
    await tx
      .update(deliveries)
      .set({ state: "cancelled", detail: "its spotlight's campaign was removed", updatedAt: sql`now()` })
      .where(
        sql`${inArray(deliveries.spotlightId, spotlightIds)} and ${deliveries.subscriptionId} is null and ${deliveries.state} = 'pending'`,
      );
    await tx
      .update(deliveries)
      .set({ spotlightId: null })
      .where(inArray(deliveries.spotlightId, spotlightIds));
  }
  for (const subscriptionIds of moveTo === undefined ? [] : ids(dependents.subscriptions)) {
    await tx
      .update(deliveries)
      .set({ campaignId: moveTo, updatedAt: sql`now()` })
      .where(sql`${inArray(deliveries.subscriptionId, subscriptionIds)} and ${deliveries.state} = 'pending'`);
  }
}

/** Everything of the campaign's own, children before parents (the foreign keys' order). */
async function deleteCampaign(tx: Db, id: string, dependents: CampaignDependents): Promise<void> {
  const spotlightIds = dependents.spotlights.map((s) => s.id);
  for (const batch of chunks(spotlightIds, MAX_PARAMETERS)) {
    await tx.delete(spotlights).where(inArray(spotlights.id, batch));
  }
  const ofProfiles =
    dependents.profiles.length > 0 ? inArray(featuredDays.profileId, profilesOf(tx, id)) : undefined;
  await tx.delete(featuredDays).where(or(eq(featuredDays.campaignId, id), ofProfiles));
  // A profile's names, sources, detentions, family and quotes go with it (on delete cascade).
  await tx.delete(profiles).where(eq(profiles.campaignId, id));
  await tx.delete(campaigns).where(eq(campaigns.id, id));
}

async function remove(db: Db, id: string, request: CampaignRemovalRequest) {
  return db.transaction(async (tx) => {
    // The catalog lock orders this after any import or takedown under way; the row lock holds off a
    // /subscribe or /schedule naming the campaign (their foreign key check waits for it, then fails).
    await lockCatalog(tx);
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!row) return { kind: "unknown-campaign" as const, known: await campaignIds(tx) };
    const { moveTo } = request;
    if (moveTo !== undefined) {
      const others = (await campaignIds(tx)).filter((other) => other !== id);
      if (!others.includes(moveTo)) return { kind: "unknown-target" as const, known: others };
    }
    const dependents = await loadDependents(tx, id);
    const needs = campaignRemovalNeeds(dependents, request);
    if (needs.length > 0) return { kind: "refused" as const, dependents, needs };

    if (moveTo !== undefined && dependents.subscriptions.length > 0) {
      await tx
        .update(subscriptions)
        .set({ campaignId: moveTo, updatedAt: sql`now()` })
        .where(eq(subscriptions.campaignId, id));
    }
    await updateLedger(tx, dependents, moveTo);
    await deleteCampaign(tx, id, dependents);
    await appendAudit(tx, campaignRemovalAudit(id, dependents, request));
    await bumpRevision(tx);
    return { kind: "removed" as const, campaign: fromCampaignRow(row), dependents };
  });
}

export function createCampaignRepository(db: Db): CampaignRepository {
  return {
    async list() {
      const [rows, profileCounts, subscriptionCounts] = await Promise.all([
        db
          .select()
          .from(campaigns)
          .orderBy(...oldestFirst),
        db
          .select({ id: profiles.campaignId, n: sql<number>`count(*)::int` })
          .from(profiles)
          .groupBy(profiles.campaignId),
        db
          .select({
            id: subscriptions.campaignId,
            n: sql<number>`count(*)::int`,
            active: sql<number>`(count(*) filter (where ${subscriptions.state} = 'active'))::int`,
          })
          .from(subscriptions)
          .groupBy(subscriptions.campaignId),
      ]);
      const profilesOf = new Map(profileCounts.map((r) => [r.id, r.n]));
      const subscriptionsOf = new Map(subscriptionCounts.map((r) => [r.id, r]));
      return rows.map((row) => ({
        campaign: fromCampaignRow(row),
        profiles: profilesOf.get(row.id) ?? 0,
        subscriptions: subscriptionsOf.get(row.id)?.n ?? 0,
        activeSubscriptions: subscriptionsOf.get(row.id)?.active ?? 0,
      }));
    },

    // Moves the campaign's subscriptions to another campaign (kept-reads.ts).
    remove: (id, request) => subscriptionWrites.writing(() => remove(db, id, request)),
  };
}
