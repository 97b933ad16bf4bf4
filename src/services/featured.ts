/**
 * Today's family. The rotation is derived from the stored catalog and the rotation log (the first process
 * to decide a date records it, every other process and restart reads the same answer); a channel's
 * spotlight replaces it for that date. Only which profiles may be featured on a date is remembered between
 * calls, per catalog version (the same catalog judged again gives the same answer). A channel with anniversaries
 * on follows the rotation's anniversary track (rotation/anniversary-track.ts), derived from the same log.
 */
import type { ChannelRef, CommunityRef } from "../core/channel.ts";
import { channelClock, readChannelClock } from "../core/channel-clock.ts";
import type { CatalogEntry, ProfileHead } from "../core/profile-head.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { RotationLog } from "../core/ports/rotation-log.ts";
import type { Spotlight, SpotlightRepository } from "../core/ports/spotlights.ts";
import type { Subscription, SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { Campaign } from "../core/profile.ts";
import { anniversaryCalendar } from "../core/anniversaries.ts";
import type { RotationEntry } from "../core/ports/rotation-log.ts";
import { anniversariesOn } from "../core/post-of-the-day.ts";
import type { BotDefaults, FeaturedFamily, FeaturedService } from "../core/services.ts";
import { loadShown, rotationEligibility, shownPostOfTheDay } from "../rotation/eligibility.ts";
import { anniversaryTrackPick } from "../rotation/anniversary-track.ts";
import { pickForDate, replacementForDate } from "../rotation/rotation.ts";
import type { CatalogService } from "./catalog.ts";

export interface FeaturedDeps {
  catalog: CatalogService;
  rotation: RotationLog;
  spotlights: SpotlightRepository;
  subscriptions: SubscriptionRepository;
  clock: Clock;
  defaults: BotDefaults;
  staleAfterDays: number;
}

export function createFeaturedService(deps: FeaturedDeps): FeaturedService {
  const eligibility = (stored: { profile: ProfileHead }, campaign: Campaign, localDate: string) =>
    rotationEligibility(stored.profile, campaign, { localDate, staleAfterDays: deps.staleAfterDays });
  const isEligible = (entry: CatalogEntry, campaign: Campaign, localDate: string) =>
    eligibility(entry, campaign, localDate).eligible;

  /**
   * The profiles a campaign may feature on a date, judged once per catalog version (a new import or a
   * takedown is a new version): 50,000 profiles take long to judge, and the panel's Today and every
   * delivery pass ask again and again. The last few dates are kept (today and tomorrow in some zones).
   */
  const judged = new Map<
    string,
    { byId: Map<string, CatalogEntry>; candidates: Array<{ id: string; seq: number }> }
  >();
  function eligibleOn(
    snap: { version: string; all: readonly CatalogEntry[] },
    campaign: Campaign,
    localDate: string,
  ) {
    const key = `${snap.version}\u0000${campaign.id}\u0000${localDate}`;
    const known = judged.get(key);
    if (known) return known;
    const eligible = snap.all.filter((s) => isEligible(s, campaign, localDate));
    const fresh = {
      byId: new Map(eligible.map((s) => [s.profile.id, s])),
      candidates: eligible.map((s) => ({ id: s.profile.id, seq: s.seq })),
    };
    judged.set(key, fresh);
    if (judged.size > 8) judged.delete(judged.keys().next().value!);
    return fresh;
  }

  /** The log's entry for the date (recorded now if it was not), with the profiles it was chosen among. */
  async function decide(campaign: Campaign, localDate: string) {
    const snap = await deps.catalog.snapshot();
    const { byId, candidates } = eligibleOn(snap, campaign, localDate);
    const history = await deps.rotation.history(campaign.id);
    const decided = history.find((e) => e.localDate === localDate);

    let entry = decided;
    if (!decided) {
      const pick = pickForDate({ campaignId: campaign.id, localDate, eligible: candidates, history });
      if (pick) entry = await deps.rotation.record(pick);
    } else if (!byId.has(decided.profileId)) {
      // The day's family became ineligible (taken down, consent withdrawn): never show it again.
      const pick = replacementForDate({ campaignId: campaign.id, localDate, eligible: candidates, history });
      entry = pick ? await deps.rotation.replace(pick, decided.profileId) : undefined;
    }
    const recorded: RotationEntry[] = entry
      ? [...history.filter((e) => e.localDate !== localDate), entry]
      : history;
    return { entry, byId, history: recorded };
  }

  type Decide = typeof decide;

  async function forCampaign(
    campaign: Campaign,
    localDate: string,
    options: { anniversaries?: boolean } = {},
    decideFor: Decide = decide,
  ): Promise<FeaturedFamily | undefined> {
    const { entry, byId, history } = await decideFor(campaign, localDate);
    if (!entry) return undefined;
    const pick = options.anniversaries
      ? anniversaryTrackPick({
          campaignId: campaign.id,
          localDate,
          history,
          anniversariesOn: anniversaryCalendar([...byId.values()].map((s) => s.profile)),
          isEligible: (id) => byId.has(id),
        })
      : undefined;
    const chosen = byId.get(pick?.profileId ?? entry.profileId);
    const profile = chosen && (await loadShown(chosen));
    if (!profile) return undefined;
    const family: FeaturedFamily = { profile, campaign, localDate, source: "rotation" };
    return pick?.anniversary ? { ...family, anniversary: pick.anniversary } : family;
  }

  /** A channel's family on its local date, from the spotlights standing on that date (or later). */
  async function familyOf(
    where: { channel: ChannelRef; community: CommunityRef; subscription: Subscription | undefined },
    localDate: string,
    spotlights: readonly Spotlight[],
    decideFor: Decide,
  ): Promise<FeaturedFamily | undefined> {
    const { channel, community, subscription } = where;
    // Its subscription's campaign, else the default one: /today shows a family in any channel.
    const campaign = await deps.catalog.campaign(subscription?.campaignId);
    const options = { localDate, staleAfterDays: deps.staleAfterDays };
    const day = await shownPostOfTheDay(await deps.catalog.snapshot(), options, {
      spotlights: { all: spotlights, where: { channel, community } },
      followsRotation: campaign !== undefined,
      anniversaries: anniversariesOn(subscription),
    });
    if (day.kind === "spotlight") {
      const { stored, campaign: its } = day.post;
      return { profile: stored, campaign: its, localDate, source: "spotlight", spotlight: day.spotlight };
    }
    return day.kind === "rotation" && campaign
      ? forCampaign(campaign, localDate, { anniversaries: day.anniversaries }, decideFor)
      : undefined;
  }

  return {
    forCampaign: (campaign, localDate, options) => forCampaign(campaign, localDate, options),
    eligibility,
    async forChannel(channel: ChannelRef, community: CommunityRef) {
      const { subscription, clock } = await readChannelClock(deps, channel);
      const upcoming = await deps.spotlights.listUpcoming(channel, community, clock.today);
      return familyOf({ channel, community, subscription }, clock.today, upcoming, decide);
    },
    async forSubscriptions(subscriptions) {
      const now = deps.clock.now();
      const dated = subscriptions.map((s) => ({
        s,
        localDate: channelClock(s, deps.defaults.timezone, now).today,
      }));
      const dates = dated.map((d) => d.localDate).sort();
      const [first, last] = [dates[0], dates.at(-1)];
      const spotlights = first && last ? await deps.spotlights.listBetween(first, last) : [];
      // Once per campaign and date for the whole list, as the rotation log records one family a date.
      const decided = new Map<string, ReturnType<Decide>>();
      const decideOnce: Decide = (campaign, localDate) => {
        const key = `${campaign.id}\u0000${localDate}`;
        const known = decided.get(key);
        if (known) return known;
        const fresh = decide(campaign, localDate);
        decided.set(key, fresh);
        return fresh;
      };
      return Promise.all(
        dated.map(({ s, localDate }) =>
          familyOf(
            { channel: s.channel, community: s.community, subscription: s },
            localDate,
            spotlights,
            decideOnce,
          ),
        ),
      );
    },
  };
}
