/**
 * The panel benchmark's data: bench:catalog's generated profiles imported in one bundle, subscriptions
 * five channels to a community across several zones, a spotlight a day this month in the first channel
 * (and a community-wide one a week), and `days` days of sent posts for every subscription.
 */
import { sql } from "drizzle-orm";
import type { App } from "../src/app.ts";
import { channelRef, communityRef } from "../src/core/channel.ts";
import { type Profile, profileSchema } from "../src/core/profile.ts";
import { addDays, localDateOf } from "../src/core/time.ts";
import { subscriptions } from "../db/schema/index.ts";
import { BENCH_CAMPAIGN, generatedNames, generatedProfile } from "./catalog-generate.ts";

export interface SeededPanel {
  profiles: number;
  subscriptions: number;
  deliveries: number;
  /** A profile id, a channel and a community the pages are asked about. */
  profileId: string;
  channel: string;
  community: string;
  /** A search that finds profiles by name. */
  query: string;
  month: string;
}

const ZONES = ["UTC", "Asia/Baku", "Europe/Berlin", "America/New_York", "Asia/Tehran", "Asia/Shanghai"];

export async function seedPanelData(
  app: App,
  wanted: { profiles: number; subscriptions: number; days: number; seed: number },
  say: (line: string) => void,
): Promise<SeededPanel> {
  say(`Importing ${wanted.profiles} generated profiles...`);
  const names = generatedNames(wanted.profiles, wanted.seed);
  const profiles: Profile[] = names.map((name, i) =>
    profileSchema.parse(generatedProfile(i, wanted.seed, name)),
  );
  await app.repositories.catalog.importBundle({ campaigns: [BENCH_CAMPAIGN], profiles }, "bench");

  say(`Adding ${wanted.subscriptions} subscriptions...`);
  const { db } = app.database;
  for (let i = 0; i < wanted.subscriptions; i += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, wanted.subscriptions - i) }, (_, k) => ({
      channelRef: channelRef(`console:bench-${i + k}`),
      communityRef: communityRef(`console:community-${Math.floor((i + k) / 5)}`),
      campaignId: BENCH_CAMPAIGN.id,
      postTime: `${String((i + k) % 24).padStart(2, "0")}:${(i + k) % 2 === 0 ? "00" : "30"}`,
      timezone: ZONES[(i + k) % ZONES.length]!,
      state: "active" as const,
      createdBy: "bench",
    }));
    await db.insert(subscriptions).values(rows);
  }

  const today = localDateOf(new Date(), "UTC");
  const month = today.slice(0, 7);
  const channel = "console:bench-0";
  const community = "console:community-0";
  say("Adding spotlights...");
  for (let day = 1; day <= 28; day += 1) {
    const localDate = `${month}-${String(day).padStart(2, "0")}`;
    const base = {
      channel: channelRef(channel),
      community: communityRef(community),
      campaignId: BENCH_CAMPAIGN.id,
      localDate,
      timezone: "UTC",
      createdBy: "bench",
    };
    await app.repositories.spotlights.add({ ...base, scope: "channel", profileId: profiles[day]!.id });
    if (day % 7 === 0)
      await app.repositories.spotlights.add({
        ...base,
        scope: "community",
        profileId: profiles[100 + day]!.id,
      });
  }

  say(`Adding ${wanted.days} days of sent posts for every subscription...`);
  const from = addDays(today, -wanted.days);
  const to = addDays(today, -1);
  // One statement: every subscription's post on each past day, sent a minute after it was due.
  await db.execute(sql`
    insert into deliveries (channel_ref, local_date, platform, subscription_id, campaign_id, timezone, due_at,
      state, attempts, next_attempt_at, profile_id, sent_at, message_id)
    select s.channel_ref, d::date, 'console', s.id, s.campaign_id, s.timezone,
      (d::date + s.post_time::time) at time zone s.timezone, 'sent', 1,
      (d::date + s.post_time::time) at time zone s.timezone,
      ${profiles[0]!.id},
      (d::date + s.post_time::time) at time zone s.timezone + interval '1 minute',
      'm-' || s.id || '-' || d::date
    from subscriptions s cross join generate_series(${from}::date, ${to}::date, interval '1 day') d`);
  return {
    profiles: profiles.length,
    subscriptions: wanted.subscriptions,
    deliveries: wanted.subscriptions * wanted.days,
    profileId: profiles[1]!.id,
    channel,
    community,
    query: names[42]!.label.split(" ")[0] ?? "a",
    month,
  };
}
