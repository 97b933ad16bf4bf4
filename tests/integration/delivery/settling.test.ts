/**
 * Delivery over PGlite and the Postgres server (when TEST_DATABASE_URL is set): what must never go out late
 * or after a change (an ended day, a stopped subscription, a moved chat), and the commands that depend on
 * what the ledger has settled.
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { createDispatcher } from "../../../src/dispatch.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "./harness.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`settled delivery on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    describe("what must never go out late or after a change", () => {
      it("settles a row still pending when its local day ended: never sent days late", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        telegram.script(chat, { kind: "transient", reason: "502 from Telegram" });
        world.setNow("2026-11-24T09:00:10Z");
        const delivery = world.delivery([telegram.adapter]);
        expect(countByKind(await delivery.runPass())).toEqual({ retrying: 1 });
        // The bot was down until three days later.
        world.setNow("2026-11-27T09:00:10Z");
        const report = await delivery.runPass();
        expect(report.lines.filter((l) => l.kind !== "missed")).toEqual([
          expect.objectContaining({ kind: "failed", localDate: "2026-11-24" }),
          expect.objectContaining({ kind: "sent", localDate: "2026-11-27" }),
        ]);
        expect(telegram.messagesTo(chat).map((m) => m.post.intro)).toEqual([
          expect.stringContaining("27 November 2026"),
        ]);
        expect(report.lines.find((l) => l.localDate === "2026-11-24")?.detail).toMatch(
          /the local day ended before a retry could succeed$/,
        );
      });

      it("records a post no process could send in time as missed, not sent hours late", async () => {
        const telegram = createRecordingPlatform();
        const discordChannel = await world.subscribe("discord:100000000000000001:100000000000000002");
        world.setNow("2026-11-24T09:00:10Z");
        expect(countByKind(await world.delivery([telegram.adapter]).runPass())).toEqual({ skipped: 1 });
        const discord = createRecordingPlatform({ platform: "discord", afterUncertainSend: "resend" });
        world.setNow("2026-11-24T20:00:00Z"); // 11 hours later: beyond CATCH_UP_HOURS (6)
        expect(countByKind(await world.delivery([discord.adapter]).runPass())).toEqual({ missed: 1 });
        expect(discord.attemptsTo(discordChannel)).toBe(0);
      });

      it("never sends a post still waiting for a retry after /unsubscribe", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        telegram.script(chat, { kind: "transient", reason: "429", retryAfterMs: 60_000 });
        world.setNow("2026-11-24T09:00:10Z");
        const delivery = world.delivery([telegram.adapter]);
        await delivery.runPass();
        await world.repositories.subscriptions.stop(chat, "mod");
        world.setNow("2026-11-24T09:05:00Z");
        expect(countByKind(await delivery.runPass())).toEqual({});
        expect(telegram.attemptsTo(chat)).toBe(1);
        expect(await world.statesOf(chat)).toEqual(["cancelled"]);
      });

      it("pauses a moved group whose post then fails for good, and tells its subscriber, not the new chat", async () => {
        const telegram = createRecordingPlatform();
        const group = await world.subscribe("telegram:-1001");
        const supergroup = channelRef("telegram:-1009990001");
        telegram.script(group, { kind: "moved", to: supergroup });
        telegram.script(supergroup, { kind: "permanent", reason: "403: bot was kicked" });
        world.setNow("2026-11-24T09:00:10Z");
        await world.delivery([telegram.adapter]).runPass();
        expect(await world.repositories.subscriptions.findByChannel(supergroup)).toMatchObject({
          state: "paused",
        });
        expect(telegram.notices).toEqual([]);
        expect(telegram.privateNotices).toEqual([
          { userId: "42", channel: supergroup, text: expect.stringMatching(/kicked/), language: "en" },
        ]);
        expect(telegram.attemptsTo(supergroup)).toBe(1);
      });

      it("takes a group's spotlights along when it becomes a supergroup: one post on that day", async () => {
        const telegram = createRecordingPlatform();
        const group = await world.subscribe("telegram:-1001");
        const supergroup = channelRef("telegram:-1009990001");
        await world.repositories.spotlights.add({
          scope: "channel",
          channel: group,
          community: communityRef(group),
          campaignId: CAMPAIGN,
          profileId: "khalil-matouk",
          localDate: "2026-11-25",
          timezone: "UTC",
          createdBy: "telegram:mod",
        });
        telegram.script(group, { kind: "moved", to: supergroup });
        world.setNow("2026-11-24T09:00:10Z");
        const delivery = world.delivery([telegram.adapter]);
        await delivery.runPass();
        world.setNow("2026-11-25T09:00:10Z");
        await delivery.runPass();
        const posts = telegram.messagesTo(supergroup);
        expect(posts.map((m) => `${m.post.kind} ${m.post.card.title}`)).toEqual([
          expect.stringMatching(/^daily /),
          "spotlight Khalil Matouk",
        ]);
        expect(telegram.messagesTo(group)).toEqual([]);
      });
    });

    describe("commands after today's post went out", () => {
      async function say(line: string, channel: string) {
        const match = /^\/(\S+)\s*(.*)$/.exec(line)!;
        const dispatch = createDispatcher({ commands, services: world.services, logger: world.logger });
        const reply = await dispatch({
          command: match[1]!,
          text: match[2]!,
          platform: "telegram",
          channel: channelRef(channel),
          community: communityRef(channel),
          caller: { id: "mod", isModerator: async () => true },
        });
        return reply.kind === "text" ? reply.text : JSON.stringify(reply);
      }

      it("shows tomorrow as the next post, and says a spotlight for today will not be posted", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001", "09:00", "UTC");
        world.setNow("2026-11-24T09:00:10Z");
        const delivery = world.delivery([telegram.adapter]);
        expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });

        world.setNow("2026-11-24T10:00:00Z");
        expect(await say("/subscribe 23:00", chat)).toMatch(/Next post: Wednesday 25 November 2026, 23:00/);
        expect(await say("/schedule Khalil Matouk 2026-11-24 23:30", chat)).toContain(
          "Today's post here has already gone out, so it shows in /today but is not posted again today.",
        );
        expect(await say("/schedule Khalil Matouk 2026-11-25", chat)).toMatch(/^Spotlight scheduled: /);
        // Only the spotlight for the 25th is posted: the one for the 24th came after that day's post.
        world.setNow("2026-11-24T23:59:00Z");
        expect(countByKind(await delivery.runPass())).toEqual({});
        world.setNow("2026-11-25T23:00:10Z");
        await delivery.runPass();
        expect(telegram.messagesTo(chat)).toHaveLength(2);
        expect(telegram.messagesTo(chat)[1]!.post.kind).toBe("spotlight");
      });
    });
  });
}
