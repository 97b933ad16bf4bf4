/**
 * The impact report's figures, read from the delivery ledger and the press counters. A post's day is the
 * UTC date it was sent (the local date for a row from before send times were kept), like a press's.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Platform } from "../../src/core/channel.ts";
import type { ImpactReportSource, ImpactRow } from "../../src/core/ports/impact-report.ts";
import type { Db } from "../client.ts";
import { buttonPresses, deliveries, profiles } from "../schema/index.ts";

const postDay = sql<string>`coalesce((${deliveries.sentAt} at time zone 'UTC')::date, ${deliveries.localDate})::text`;

type Key = { day: string; platform: Platform; profileId: string };
const keyOf = (k: Key) => JSON.stringify([k.day, k.profileId, k.platform]);

export function createImpactReport(db: Db): ImpactReportSource {
  return {
    async read(filter) {
      const sentInRange = and(
        eq(deliveries.state, "sent"),
        isNotNull(deliveries.profileId),
        gte(postDay, filter.from),
        lte(postDay, filter.to),
        filter.profileId === undefined ? undefined : eq(deliveries.profileId, filter.profileId),
        filter.campaignId === undefined ? undefined : eq(deliveries.campaignId, filter.campaignId),
      );
      const [reached] = await db
        .select({ channels: sql<number>`count(distinct ${deliveries.channelRef})::int` })
        .from(deliveries)
        .where(sentInRange);
      const posts = await db
        .select({
          day: postDay,
          platform: deliveries.platform,
          profileId: sql<string>`${deliveries.profileId}`,
          posts: sql<number>`count(*)::int`,
          channels: sql<number>`count(distinct ${deliveries.channelRef})::int`,
        })
        .from(deliveries)
        .where(sentInRange)
        .groupBy(postDay, deliveries.platform, deliveries.profileId);
      const presses = await db
        .select()
        .from(buttonPresses)
        .where(
          and(
            gte(buttonPresses.day, filter.from),
            lte(buttonPresses.day, filter.to),
            filter.profileId === undefined ? undefined : eq(buttonPresses.profileId, filter.profileId),
            filter.campaignId === undefined
              ? undefined
              : inArray(
                  buttonPresses.profileId,
                  db
                    .select({ id: profiles.id })
                    .from(profiles)
                    .where(eq(profiles.campaignId, filter.campaignId)),
                ),
          ),
        )
        .orderBy(asc(buttonPresses.button));

      const rows = new Map<string, ImpactRow & { presses: Array<{ button: string; presses: number }> }>();
      const rowOf = (key: Key) => {
        let row = rows.get(keyOf(key));
        if (!row) {
          row = { ...key, posts: 0, channels: 0, presses: [] };
          rows.set(keyOf(key), row);
        }
        return row;
      };
      for (const p of posts) {
        const row = rowOf({ day: p.day, platform: p.platform as Platform, profileId: p.profileId });
        row.posts = p.posts;
        row.channels = p.channels;
      }
      for (const p of presses) {
        const row = rowOf({ day: p.day, platform: p.platform, profileId: p.profileId });
        row.presses.push({ button: p.button, presses: p.presses });
      }
      const order = (r: ImpactRow) => [r.day, r.profileId, r.platform];
      return {
        rows: [...rows.values()].sort((a, b) => compareTuples(order(a), order(b))),
        channelsReached: reached?.channels ?? 0,
      };
    },
  };
}

function compareTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x = "", y = ""] = [a[i], b[i]];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
