/** The Presenter port for the composition root: stored profiles in, cards and share kits out. */
import { staleness } from "../core/freshness.ts";
import type { Clock } from "../core/ports.ts";
import type { Presenter } from "../core/services.ts";
import { localDateOf } from "../core/time.ts";
import { buildCard } from "./card.ts";
import { buildShareKit } from "./share.ts";

export interface PresenterOptions {
  clock: Clock;
  staleAfterDays: number;
}

export function createPresenter(options: PresenterOptions): Presenter {
  return {
    card: (stored, campaign) => {
      // Freshness by the UTC date: a day either way matters little against a limit of weeks.
      const today = localDateOf(options.clock.now(), "UTC");
      return buildCard(
        stored.profile,
        campaign,
        staleness(stored.profile, campaign, today, options.staleAfterDays),
      );
    },
    shareKit: (stored, campaign) => buildShareKit(stored.profile, campaign),
  };
}
