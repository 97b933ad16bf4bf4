/** The Presenter port for the composition root: stored profiles in, cards and share kits out. */
import { staleness } from "../core/freshness.ts";
import { english } from "../core/i18n/translator.ts";
import type { Presenter } from "../core/services.ts";
import { actionButtons, actionsText } from "./actions.ts";
import { buildCard } from "./card.ts";
import { buildShareKit } from "./share.ts";

export interface PresenterOptions {
  staleAfterDays: number;
  /** The Telegram bot's username once known (core/deep-link.ts): share kits then link to the bot. */
  telegramBot?: () => string | undefined;
}

export function createPresenter(options: PresenterOptions): Presenter {
  return {
    // Freshness and the day count as of the reader's local date: a card read in a channel already in
    // tomorrow must say it is stale when the daily post there would leave it out, and count that day.
    card: (stored, campaign, today, tr = english) =>
      buildCard(
        stored.profile,
        campaign,
        staleness(stored.profile, campaign, today, options.staleAfterDays),
        tr,
        today,
      ),
    shareKit: (stored, campaign, tr = english) =>
      buildShareKit(stored.profile, campaign, tr, options.telegramBot?.()),
    actions: (stored, campaign, today, tr) =>
      actionsText(stored.profile, campaign, today, options.staleAfterDays, tr),
    buttons: (stored, campaign, today, tr) =>
      actionButtons(stored.profile, campaign, today, options.staleAfterDays, tr),
  };
}
