/**
 * The Deliveries page's filters from its query string: each value checked against what it may be (a
 * platform, an outcome, a calendar date, a profile id), and each bad one left out with a sentence saying
 * which and why, so a mistyped link still shows a page.
 */
import { PLATFORMS } from "../../core/channel.ts";
import { DELIVERY_STATES } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import { isoDateSchema } from "../../core/partial-date.ts";
import type { DeliveryLogFilter } from "../../core/ports/delivery-log.ts";

const MAX_ID = 200;

export interface ReadFilters {
  filter: DeliveryLogFilter;
  /** One sentence per value left out, in the staff member's language. */
  problems: string[];
  /** The query string the filters make (for the CSV link and the pager). */
  query: string;
}

const oneOf = <T extends string>(choices: readonly T[], value: string): T | undefined =>
  choices.find((c) => c === value);

export function readFilters(query: (name: string) => string | undefined, tr: Translator): ReadFilters {
  const filter: DeliveryLogFilter = {};
  const problems: string[] = [];
  const asked = (name: string) => (query(name) ?? "").trim();

  const platform = asked("platform");
  if (platform) {
    const known = oneOf(PLATFORMS, platform);
    if (known) filter.platform = known;
    else problems.push(tr.t("deliveryLog.badChoice", { value: platform.slice(0, 40) }));
  }
  const state = asked("state");
  if (state) {
    const known = oneOf(DELIVERY_STATES, state);
    if (known) filter.state = known;
    else problems.push(tr.t("deliveryLog.badChoice", { value: state.slice(0, 40) }));
  }
  const profile = asked("profile").slice(0, MAX_ID);
  if (profile) filter.profileId = profile;

  const dates: { from?: string; to?: string } = {};
  for (const edge of ["from", "to"] as const) {
    const value = asked(edge);
    if (!value) continue;
    if (isoDateSchema.safeParse(value).success) dates[edge] = value;
    else problems.push(tr.t("deliveryLog.badDate", { value: value.slice(0, 40) }));
  }
  if (dates.from && dates.to && dates.from > dates.to) {
    problems.push(tr.t("deliveryLog.badRange", { from: dates.from, to: dates.to }));
  } else {
    Object.assign(filter, dates);
  }

  const params = new URLSearchParams();
  if (filter.platform) params.set("platform", filter.platform);
  if (filter.state) params.set("state", filter.state);
  if (filter.profileId) params.set("profile", filter.profileId);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  return { filter, problems, query: params.toString() };
}
