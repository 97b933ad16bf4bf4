/**
 * What a ledger row posts, decided right before sending against the catalog as of that moment: the row's
 * spotlight if it still stands and its profile may be shown, else the campaign's family of that date
 * (which the featured service replaces when the day's family was taken down or lost consent). Results are
 * remembered per campaign, date and catalog version, so ten thousand posts of one day cost one decision.
 * The post is written in the channel's language (`tr`, delivery/languages.ts): intro, card and share kit.
 * A subscription with anniversaries on follows the rotation's anniversary track, and an anniversary post's
 * intro says why its family is posted today.
 */
import type { DeliveryRow } from "../core/delivery.ts";
import type { OutboundPost } from "../core/platform.ts";
import type { StoredProfile } from "../core/ports/catalog.ts";
import type { SpotlightRepository } from "../core/ports/spotlights.ts";
import type { Campaign } from "../core/profile.ts";
import type { FeaturedService, Presenter } from "../core/services.ts";
import { english, type Translator } from "../core/i18n/translator.ts";
import type { FeaturedFamily } from "../core/services.ts";
import { anniversaryLine } from "../core/anniversaries.ts";
import { shownPostOfTheDay } from "../rotation/eligibility.ts";
import type { CatalogService } from "../services/catalog.ts";

export type ResolvedPost =
  | { kind: "post"; post: OutboundPost; profileId: string }
  | { kind: "nothing"; reason: string };

/** What a row is about, as far as choosing its post goes (a dry run chooses for rows not yet written). */
export type PostTarget = Pick<DeliveryRow, "localDate" | "campaignId" | "subscriptionId" | "spotlightId"> & {
  /** The row's subscription's setting as the pass read it (anniversariesOn); absent: off. */
  anniversaries?: boolean;
};

/** The post chosen for a target, before it is tied to a ledger row (the idempotency key). */
export type ChosenPost =
  | { kind: "post"; post: Omit<OutboundPost, "idempotencyKey">; profileId: string }
  | { kind: "nothing"; reason: string };

export interface PostResolverDeps {
  catalog: CatalogService;
  featured: FeaturedService;
  presenter: Presenter;
  spotlights: SpotlightRepository;
  staleAfterDays: number;
}

/** At most 25 characters (Discord's nonce), the same for every attempt at one row. */
export const idempotencyKeyOf = (row: Pick<DeliveryRow, "id">) => `ftbh-d-${row.id}`;

/**
 * A post of a profile as the presenter shows it now, for a local date: the resolver's daily post or
 * spotlight, and the body an update edit replaces a delivered post with (delivery/status-updates.ts).
 */
export function postOf(
  presenter: Presenter,
  target: { localDate: string; spotlight: boolean; anniversary?: FeaturedFamily["anniversary"] },
  stored: StoredProfile,
  campaign: Campaign,
  tr: Translator,
): Omit<OutboundPost, "idempotencyKey"> {
  const date = tr.date(target.localDate);
  // As of the post's local date in its channel: the date the eligibility was judged for.
  const card = presenter.card(stored, campaign, target.localDate, tr);
  const buttons = presenter.buttons(stored, campaign, target.localDate, tr);
  return {
    kind: target.spotlight ? "spotlight" : "daily",
    intro: target.anniversary
      ? anniversaryLine(target.anniversary, card, stored.profile.gender, tr)
      : tr.t(target.spotlight ? "post.spotlightIntro" : "post.dailyIntro", { date }),
    card,
    share: presenter.shareKit(stored, campaign, tr),
    ...(buttons.length > 0 ? { buttons } : {}),
    language: tr.language.tag,
  };
}

export function createPostResolver(deps: PostResolverDeps) {
  const rotation = new Map<string, Promise<FeaturedFamily | undefined>>();

  function rotationPick(campaign: Campaign, localDate: string, version: string, anniversaries: boolean) {
    const key = `${campaign.id}|${localDate}|${version}|${anniversaries}`;
    let pick = rotation.get(key);
    if (!pick) {
      if (rotation.size > 1_000) rotation.clear();
      pick = deps.featured.forCampaign(campaign, localDate, { anniversaries });
      pick.catch(() => rotation.delete(key));
      rotation.set(key, pick);
    }
    return pick;
  }

  /**
   * Posts already written, by all they are written from: the catalog version (the profile's record and
   * the campaign as of it), the profile, the date, the kind, the anniversary and the language. Ten
   * thousand rows of one day share a handful of posts, so each is written once rather than once per row;
   * the rows share it and never change it (the row's own key is added to a copy, in `resolve`).
   */
  const rendered = new Map<string, ChosenPost>();

  function render(
    target: PostTarget,
    version: string,
    stored: StoredProfile,
    campaign: Campaign,
    spotlight: boolean,
    tr: Translator,
    anniversary?: FeaturedFamily["anniversary"],
  ): ChosenPost {
    const key = JSON.stringify([
      version,
      stored.profile.id,
      campaign.id,
      target.localDate,
      spotlight,
      anniversary ?? null,
      tr.language.tag,
    ]);
    const known = rendered.get(key);
    if (known) return known;
    const post = postOf(
      deps.presenter,
      { localDate: target.localDate, spotlight, ...(anniversary ? { anniversary } : {}) },
      stored,
      campaign,
      tr,
    );
    if (rendered.size >= 256) rendered.clear();
    const chosen: ChosenPost = { kind: "post", profileId: stored.profile.id, post };
    rendered.set(key, chosen);
    return chosen;
  }

  /** The spotlight the target was planned with, while it is still scheduled. */
  async function plannedSpotlight(target: PostTarget) {
    if (target.spotlightId === undefined) return undefined;
    const spotlight = await deps.spotlights.get(target.spotlightId);
    return spotlight?.state === "scheduled" ? spotlight : undefined;
  }

  /**
   * The post for a target as of a catalog version: its spotlight, else the campaign's family of the date,
   * written in `tr`'s language (the channel's).
   */
  async function choose(target: PostTarget, catalogVersion: string, tr = english): Promise<ChosenPost> {
    const planned = await plannedSpotlight(target);
    const snap = await deps.catalog.snapshotAt(catalogVersion);
    const options = { localDate: target.localDate, staleAfterDays: deps.staleAfterDays };
    const day = await shownPostOfTheDay(snap, options, {
      spotlights: { planned },
      // A spotlight's own row, in a channel without a subscription, has no rotation to fall back on.
      followsRotation: target.subscriptionId !== undefined,
      anniversaries: target.anniversaries ?? false,
    });
    if (day.kind === "spotlight")
      return render(target, snap.version, day.post.stored, day.post.campaign, true, tr);
    if (day.kind === "nothing") {
      return {
        kind: "nothing",
        reason: "the spotlight was cancelled or its profile can no longer be shown",
      };
    }
    const campaign = snap.campaigns.find((c) => c.id === target.campaignId);
    if (!campaign) return { kind: "nothing", reason: `campaign "${target.campaignId}" no longer exists` };
    const anniversaries = day.anniversaries;
    const family = await rotationPick(campaign, target.localDate, snap.version, anniversaries);
    if (!family) {
      return {
        kind: "nothing",
        reason: "no profile of the campaign is public, recently verified and in a featured status",
      };
    }
    return render(target, snap.version, family.profile, campaign, false, tr, family.anniversary);
  }

  return {
    choose,
    /** The post for a ledger row, keyed to it so a resend of the same row is recognised as one. */
    async resolve(
      row: DeliveryRow & Pick<PostTarget, "anniversaries">,
      catalogVersion: string,
      tr = english,
    ): Promise<ResolvedPost> {
      const chosen = await choose(row, catalogVersion, tr);
      if (chosen.kind === "nothing") return chosen;
      return { ...chosen, post: { ...chosen.post, idempotencyKey: idempotencyKeyOf(row) } };
    },
  };
}

export type PostResolver = ReturnType<typeof createPostResolver>;
