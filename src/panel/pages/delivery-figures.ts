/**
 * The Deliveries page's charts as data: the last 30 local dates, posts per day for each platform and for
 * each outcome, and the lateness of sent posts in minutes. The same figures feed the chart script (as
 * JSON, drawn by uPlot in the browser) and the table under the charts, so a screen reader or a browser
 * without scripts reads the same numbers.
 */
import type { DeliveryState } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/translator.ts";
import type { DailyDeliveries, DailyLateness } from "../../core/ports/delivery-log.ts";
import { addDays } from "../../core/time.ts";

export const CHART_DAYS = 30;

export interface Series {
  label: string;
  values: Array<number | null>;
}

export interface Figures {
  days: string[];
  platforms: Series[];
  outcomes: Series[];
  lateness: Series[];
  total: number;
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

function countsBy(
  days: readonly string[],
  rows: readonly DailyDeliveries[],
  keyOf: (row: DailyDeliveries) => string,
): Map<string, number[]> {
  const at = new Map(days.map((day, i) => [day, i]));
  const series = new Map<string, number[]>();
  for (const row of rows) {
    const i = at.get(row.localDate);
    if (i === undefined) continue;
    const key = keyOf(row);
    const values = series.get(key) ?? days.map(() => 0);
    values[i] = (values[i] ?? 0) + row.posts;
    series.set(key, values);
  }
  return series;
}

/** `through` is the last day shown (today in UTC); the 29 days before it come first. */
export function deliveryFigures(
  tr: Translator,
  through: string,
  daily: { posts: readonly DailyDeliveries[]; lateness: readonly DailyLateness[] },
): Figures {
  const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(through, i - CHART_DAYS + 1));
  const platforms = [...countsBy(days, daily.posts, (r) => r.platform)].map(([platform, values]) => ({
    label: tr.t("deliveryLog.platformName", { platform }),
    values,
  }));
  const outcomes = [...countsBy(days, daily.posts, (r) => r.state)].map(([state, values]) => ({
    label: tr.t("panel.deliveryState", { state: state as DeliveryState }),
    values,
  }));
  const late = new Map(daily.lateness.map((l) => [l.localDate, l]));
  const lateness = [
    { label: tr.t("deliveryLog.median"), values: days.map((d) => at(late.get(d)?.medianSeconds)) },
    { label: tr.t("deliveryLog.worst"), values: days.map((d) => at(late.get(d)?.worstSeconds)) },
  ];
  const total = platforms.reduce((sum, s) => sum + s.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0);
  return { days, platforms, outcomes, lateness, total };
}

const at = (seconds: number | undefined) => (seconds === undefined ? null : minutes(seconds));
