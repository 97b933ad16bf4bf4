/**
 * A spotlight's profile whose status changed (released, died) is no longer featured: its scheduled
 * spotlights are cancelled and the moderators who set them are told, in the channel they set them for, in
 * the card's words (the person, the date, the status as the card says it), in the channel's language. The spotlight's number, the
 * status code and who set it (an actor id such as `telegram:42`) stay in the audit log and the pass report.
 * Checked on every pass, so a change imported by any process is acted on within a minute.
 */
import { platformOf } from "../core/channel.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { Spotlight, SpotlightRepository } from "../core/ports/spotlights.ts";
import type { PostOptions } from "../core/post-options.ts";
import { currentDetention } from "../core/profile.ts";
import { profileEligibility } from "../rotation/eligibility.ts";
import { shortStatus } from "../presentation/wording.ts";
import type { CatalogService } from "../services/catalog.ts";
import { type ChannelTranslators, defaultTranslators } from "./languages.ts";
import type { PassLine } from "./report.ts";

export async function cancelSpotlightsAfterStatusChange(
  deps: {
    catalog: CatalogService;
    spotlights: SpotlightRepository;
    adapters: ReadonlyMap<string, PlatformAdapter>;
    logger: Logger;
    staleAfterDays: number;
  },
  scheduled: readonly Spotlight[],
  translators: ChannelTranslators = defaultTranslators(),
  /** The channel's subscription's post options, so the notice goes where its posts go (a topic). */
  optionsOf: (spotlight: Spotlight) => PostOptions | undefined = () => undefined,
): Promise<PassLine[]> {
  if (scheduled.length === 0) return [];
  const snap = await deps.catalog.snapshot();
  const lines: PassLine[] = [];
  for (const spotlight of scheduled) {
    const options = { localDate: spotlight.localDate, staleAfterDays: deps.staleAfterDays };
    const check = profileEligibility(snap, spotlight.profileId, options);
    // Only a status change cancels; any other reason is left to the check made when the row posts.
    if (check.kind !== "ineligible" || check.reason !== "status") continue;
    const stored = await check.entry.load();
    if (!stored) continue; // removed from the store since: nothing left to cancel a post about
    const status = currentDetention(stored.profile);
    const reason = `status changed to "${status.status}" (as of ${status.statusAsOf})`;
    const cancelled = await deps.spotlights.cancel(spotlight.id, { actor: "delivery", reason });
    if (!cancelled) continue; // cancelled meanwhile by someone else
    const tr = translators(spotlight.channel);
    const text = tr.t("notice.spotlightCancelled", {
      name: stored.profile.displayName,
      date: tr.date(spotlight.localDate),
      status: shortStatus(status, stored.profile.gender, tr),
      asOf: tr.date(status.statusAsOf),
    });
    lines.push({
      kind: "spotlight-cancelled",
      channel: spotlight.channel,
      localDate: spotlight.localDate,
      detail: `#${spotlight.id}: ${reason}`,
    });
    const adapter = deps.adapters.get(platformOf(spotlight.channel));
    const placement = optionsOf(spotlight);
    const notice = adapter?.notifyModerators?.(spotlight.channel, text, tr.language.tag, placement);
    await notice?.catch((err: unknown) => {
      deps.logger.warn(
        { err, spotlight: spotlight.id },
        "could not tell moderators about a cancelled spotlight",
      );
    });
  }
  return lines;
}
