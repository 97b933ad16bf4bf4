/**
 * The delivery metrics against the pass's own report: every line counted once under its platform and
 * outcome, the lateness of every sent post from its scheduled minute, one duration per pass, and the
 * paused subscriptions as the database has them at each scrape.
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef, platformOf } from "../../../src/core/channel.ts";
import { countByKind, type PassReport } from "../../../src/delivery/report.ts";
import { createMetrics } from "../../../src/ops/metrics.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { samplesOf, sampleValue } from "../../support/metrics.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "./harness.ts";

/** The report's lines counted by "platform outcome", the way an operator reads the counter. */
function countsByPlatformAndKind(report: PassReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of report.lines) {
    const key = `${platformOf(line.channel)} ${line.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`delivery metrics on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    function metricsOverWorld() {
      return createMetrics({
        commandNames: [],
        pausedSubscriptions: () => world.repositories.subscriptions.countPaused(),
        logger: world.logger,
      });
    }

    it("counts each line of the pass's report under its platform and outcome, with lateness and duration", async () => {
      const telegram = createRecordingPlatform();
      const discord = createRecordingPlatform({ platform: "discord" });
      const [sent, gone, refused, timedOut, group] = await Promise.all(
        ["-1001", "-1002", "-1003", "-1004", "-1005"].map((id) => world.subscribe(`telegram:${id}`)),
      );
      const early = await world.subscribe("discord:1:2", "08:30");
      const busy = await world.subscribe("discord:1:3");
      await world.subscribe("slack:T1:C1"); // no Slack adapter runs: skipped, left pending
      telegram.script(gone!, { kind: "permanent", reason: "bot was kicked" });
      telegram.script(refused!, { kind: "rejected", reason: "message is too long" });
      telegram.script(timedOut!, { kind: "uncertain", reason: "timed out" });
      telegram.script(group!, { kind: "moved", to: channelRef("telegram:-1009") });
      discord.script(busy, { kind: "transient", reason: "Too Many Requests", retryAfterMs: 100 });
      const metrics = metricsOverWorld();
      const delivery = world.delivery([telegram.adapter, discord.adapter], { metrics });

      world.setNow("2026-11-24T09:00:30Z");
      const before = performance.now();
      const report = await delivery.runPass({ settleWithinMs: 5_000 });
      const elapsed = (performance.now() - before) / 1000;

      // The scenario happened as scripted, so the comparison below covers every kind of line.
      expect(countsByPlatformAndKind(report)).toEqual({
        "telegram sent": 2,
        "telegram paused": 1,
        "telegram failed": 1,
        "telegram uncertain": 1,
        "telegram moved": 1,
        "discord sent": 2,
        "discord retrying": 1,
        "slack skipped": 1,
      });
      expect(telegram.messagesTo(sent!)).toHaveLength(1);
      const posts = await samplesOf(metrics.registry, "freetobehome_posts_total");
      const counted = Object.fromEntries(
        posts.map((s) => [`${s.labels.platform} ${s.labels.outcome}`, s.value]),
      );
      expect(counted).toEqual(countsByPlatformAndKind(report));

      const lateness = await samplesOf(metrics.registry, "freetobehome_post_lateness_seconds");
      for (const platform of ["telegram", "discord"]) {
        const sentLines = report.lines.filter((l) => l.kind === "sent" && platformOf(l.channel) === platform);
        const seconds = sentLines.map((l) => (l.sentAt!.getTime() - l.dueAt!.getTime()) / 1000);
        const name = "freetobehome_post_lateness_seconds";
        expect(sampleValue(lateness, `${name}_count`, { platform })).toBe(sentLines.length);
        expect(sampleValue(lateness, `${name}_sum`, { platform })).toBeCloseTo(
          seconds.reduce((a, b) => a + b, 0),
          6,
        );
      }
      // The lateness is measured from the scheduled minute: 08:30 for the early channel, sent after 09:00:30.
      const earlyLine = report.lines.find((l) => l.kind === "sent" && l.channel === early)!;
      expect(earlyLine.dueAt).toEqual(new Date("2026-11-24T08:30:00Z"));
      expect(earlyLine.sentAt!.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-11-24T09:00:30Z"));
      expect(
        sampleValue(lateness, "freetobehome_post_lateness_seconds_bucket", {
          platform: "discord",
          le: "900",
        }),
      ).toBe(1); // the on-time one; the early channel's 30 minutes are beyond 15
      expect(
        sampleValue(lateness, "freetobehome_post_lateness_seconds_bucket", {
          platform: "discord",
          le: "3600",
        }),
      ).toBe(2);

      const pass = await samplesOf(metrics.registry, "freetobehome_delivery_pass_seconds");
      expect(sampleValue(pass, "freetobehome_delivery_pass_seconds_count", {})).toBe(1);
      const passSum = sampleValue(pass, "freetobehome_delivery_pass_seconds_sum", {})!;
      expect(passSum).toBeGreaterThan(0.1); // it waited out the 100 ms retry-after
      expect(passSum).toBeLessThanOrEqual(elapsed);
    });

    it("adds nothing for a dry run and sums passes, and reads the paused count at each scrape", async () => {
      const telegram = createRecordingPlatform();
      const gone = await world.subscribe("telegram:-1001");
      const other = await world.subscribe("telegram:-1002");
      telegram.script(gone, { kind: "permanent", reason: "chat not found" });
      const metrics = metricsOverWorld();
      const delivery = world.delivery([telegram.adapter], { metrics });
      const paused = async () =>
        sampleValue(
          await samplesOf(metrics.registry, "freetobehome_paused_subscriptions"),
          "freetobehome_paused_subscriptions",
          {},
        );

      expect(await paused()).toBe(0);
      world.setNow("2026-11-24T09:00:00Z");
      const dry = await delivery.runPass({ dryRun: true });
      expect(countByKind(dry)).toEqual({ "would-send": 2 });
      expect(await samplesOf(metrics.registry, "freetobehome_posts_total")).toEqual([]);

      await delivery.runPass();
      await delivery.runPass(); // nothing left: a pass with an empty report still counts its duration
      const posts = await samplesOf(metrics.registry, "freetobehome_posts_total");
      expect(sampleValue(posts, "freetobehome_posts_total", { platform: "telegram", outcome: "sent" })).toBe(
        1,
      );
      expect(
        sampleValue(posts, "freetobehome_posts_total", { platform: "telegram", outcome: "paused" }),
      ).toBe(1);
      const pass = await samplesOf(metrics.registry, "freetobehome_delivery_pass_seconds");
      expect(sampleValue(pass, "freetobehome_delivery_pass_seconds_count", {})).toBe(2);

      expect(await paused()).toBe(1);
      // Resumed by a moderator (any process): the next scrape shows it, with no pass in between.
      await world.repositories.subscriptions.upsert({
        channel: gone,
        community: communityRef("telegram:-1001"),
        campaignId: CAMPAIGN,
        postTime: "09:00",
        timezone: "UTC",
        actor: "mod",
      });
      expect(await paused()).toBe(0);
      expect(telegram.messagesTo(other)).toHaveLength(1);
    });
  });
}
