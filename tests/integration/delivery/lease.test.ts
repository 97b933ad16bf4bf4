/**
 * Leases over PGlite and the Postgres server (when TEST_DATABASE_URL is set): a row held by a process
 * that died is taken over once its lease runs out. What the dead process was doing decides how: a row it
 * had only claimed is simply sent; a row it was sending may already be on the platform, so it is resent
 * only where the platform drops duplicates, and recorded as uncertain (never resent) everywhere else.
 */
import { describe, expect, it } from "vitest";
import {
  UNCERTAIN_AFTER_CRASH,
  UNCERTAIN_PAST_DEDUPE_WINDOW,
} from "../../../db/repositories/delivery-rows.ts";
import type { ChannelRef } from "../../../src/core/channel.ts";
import type { DeliveryRow } from "../../../src/core/delivery.ts";
import { createPostResolver } from "../../../src/delivery/post-resolver.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform, type RecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`leases on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    const DEAD = "dead-host:4242";
    const DUE = "2026-11-24T09:00:00Z";
    const LEASE_MS = 60_000;
    const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();
    /** A send attempt that began at DUE and holds its row until `until`. */
    const attemptUntil = (until: string) => ({ startedAt: new Date(DUE), leaseUntil: new Date(until) });

    const rowsOf = (channel: ChannelRef) => world.repositories.deliveries.list({ channel });

    /** Plans the day's row (a pass with no adapter writes it and leaves it pending) and claims it as `DEAD`. */
    async function claimAsDeadOwner(channel: ChannelRef): Promise<DeliveryRow> {
      world.setNow(DUE);
      await world.delivery([]).runPass();
      const claimed = await world.repositories.deliveries.claim({
        platform: (await rowsOf(channel))[0]!.platform,
        now: new Date(DUE),
        limit: 10,
        leaseMs: LEASE_MS,
        owner: DEAD,
      });
      expect(claimed.map((r) => r.channel)).toEqual([channel]);
      return claimed[0]!;
    }

    /** Claims and marks the row as being sent by `DEAD`, as a process does right before calling the platform. */
    async function sendingByDeadOwner(channel: ChannelRef) {
      const row = await claimAsDeadOwner(channel);
      const marked = await world.repositories.deliveries.markSending(row.id, DEAD, {
        startedAt: new Date(DUE),
        leaseUntil: new Date(plus(DUE, LEASE_MS)),
      });
      expect(marked).toBeDefined();
      return { row, catalogVersion: marked!.catalogVersion };
    }

    /** What the dead process was posting when it died: the same post a live pass resolves for the row. */
    async function postOf(row: DeliveryRow, catalogVersion: string) {
      const resolver = createPostResolver({
        catalog: world.services.catalog,
        featured: world.services.featured,
        presenter: world.services.presenter,
        spotlights: world.repositories.spotlights,
        staleAfterDays: 90,
      });
      const resolved = await resolver.resolve(row, catalogVersion);
      if (resolved.kind !== "post") throw new Error(`nothing to post: ${resolved.reason}`);
      return resolved.post;
    }

    describe("a row whose process died mid-send", () => {
      it("is recorded as uncertain, never resent, on a platform that cannot drop a duplicate", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        await sendingByDeadOwner(chat);
        const delivery = world.delivery([telegram.adapter]);

        world.setNow(plus(DUE, LEASE_MS / 2));
        expect((await delivery.runPass()).lines).toEqual([]); // the lease still holds
        world.setNow(plus(DUE, LEASE_MS + 1_000));
        const report = await delivery.runPass();
        expect(report.lines).toEqual([
          { kind: "uncertain", channel: chat, localDate: "2026-11-24", detail: UNCERTAIN_AFTER_CRASH },
        ]);
        world.setNow(plus(DUE, 3_600_000));
        await delivery.runPass();

        expect(telegram.attemptsTo(chat)).toBe(0);
        expect(await rowsOf(chat)).toEqual([
          expect.objectContaining({ state: "uncertain", detail: UNCERTAIN_AFTER_CRASH }),
        ]);
        // `subscriptions list` shows each subscription's latest row with its detail.
        const subscription = await world.repositories.subscriptions.findByChannel(chat);
        const latest = await world.repositories.deliveries.latestBySubscription();
        expect(latest.get(subscription!.id)).toMatchObject({
          state: "uncertain",
          detail: UNCERTAIN_AFTER_CRASH,
        });
      });

      it("is not taken over by a pass run as of a later instant (deliver --at) while its lease holds", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        await sendingByDeadOwner(chat);
        world.setNow(plus(DUE, LEASE_MS / 2)); // real time: the lease still holds
        const report = await world
          .delivery([telegram.adapter])
          .runPass({ at: new Date(plus(DUE, 3_600_000)) });
        expect(report.lines).toEqual([]);
        expect(telegram.attemptsTo(chat)).toBe(0);
        expect(await rowsOf(chat)).toEqual([expect.objectContaining({ state: "sending" })]);
      });

      it("is recorded as uncertain, not resent, when found after the platform's dedupe window", async () => {
        const discord = createRecordingPlatform({
          platform: "discord",
          afterUncertainSend: "resend",
          resendWithinMs: 120_000,
        });
        const channel = await world.subscribe("discord:100000000000000001:100000000000000002");
        await sendingByDeadOwner(channel);
        world.setNow(plus(DUE, 10 * 60_000));
        const report = await world.delivery([discord.adapter]).runPass();
        expect(report.lines).toEqual([
          { kind: "uncertain", channel, localDate: "2026-11-24", detail: UNCERTAIN_PAST_DEDUPE_WINDOW },
        ]);
        expect(discord.attemptsTo(channel)).toBe(0);
        expect(await rowsOf(channel)).toEqual([expect.objectContaining({ state: "uncertain" })]);
      });

      const resendCases: Array<
        [string, (discord: RecordingPlatform, row: DeliveryRow, v: string) => Promise<void>]
      > = [
        [
          "after its post reached the platform",
          async (discord, row, version) => {
            const sent = await discord.adapter.send(row.channel, await postOf(row, version));
            expect(sent.kind).toBe("sent");
          },
        ],
        ["before its post reached the platform", async () => {}],
      ];
      it.each(resendCases)(
        "is resent exactly once where the platform drops duplicates, %s",
        async (_, deadProcessSends) => {
          const discord = createRecordingPlatform({
            platform: "discord",
            afterUncertainSend: "resend",
            resendWithinMs: 120_000,
          });
          const channel = await world.subscribe("discord:100000000000000001:100000000000000002");
          const { row, catalogVersion } = await sendingByDeadOwner(channel);
          await deadProcessSends(discord, row, catalogVersion);
          const before = discord.attemptsTo(channel);
          const delivery = world.delivery([discord.adapter]);

          world.setNow(plus(DUE, LEASE_MS + 1_000));
          expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
          world.setNow(plus(DUE, 3_600_000));
          expect((await delivery.runPass()).lines).toEqual([]);

          expect(discord.attemptsTo(channel) - before).toBe(1);
          expect(discord.messagesTo(channel)).toHaveLength(1);
          const [message] = discord.messagesTo(channel);
          expect(message!.post.idempotencyKey).toBe(`ftbh-d-${row.id}`);
          expect(await rowsOf(channel)).toEqual([
            expect.objectContaining({ state: "sent", messageId: message!.messageId }),
          ]);
        },
      );
    });

    describe("a row whose process died after claiming it", () => {
      it("is simply sent once the lease has run out", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        await claimAsDeadOwner(chat);
        const delivery = world.delivery([telegram.adapter]);

        world.setNow(plus(DUE, LEASE_MS / 2));
        expect((await delivery.runPass()).lines).toEqual([]);
        expect(telegram.attemptsTo(chat)).toBe(0);
        world.setNow(plus(DUE, LEASE_MS + 1_000));
        expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
        await delivery.runPass();

        expect(telegram.attemptsTo(chat)).toBe(1);
        expect(telegram.messagesTo(chat)).toHaveLength(1);
        expect(await rowsOf(chat)).toEqual([expect.objectContaining({ state: "sent", attempts: 2 })]);
      });
    });

    describe("a claim", () => {
      it("takes no more rows than its limit, so other processes get the rest", async () => {
        // A freshly filled ledger, as every morning: the planner has no statistics for it yet.
        for (let i = 0; i < 12; i++) await world.subscribe(`telegram:-10${100 + i}`);
        world.setNow(DUE);
        await world.delivery([]).runPass();
        const claim = (owner: string) =>
          world.repositories.deliveries.claim({
            platform: "telegram",
            now: new Date(DUE),
            limit: 5,
            leaseMs: LEASE_MS,
            owner,
          });
        const [a, b, c] = [await claim("a:1"), await claim("b:2"), await claim("c:3")];
        expect([a.length, b.length, c.length]).toEqual([5, 5, 2]);
        expect(new Set([...a, ...b, ...c].map((r) => r.id)).size).toBe(12);
      });
    });

    describe("rows given back by the process holding them (after the database was out)", () => {
      it("are its claimed rows and the sending rows it names, never another owner's", async () => {
        const ledger = world.repositories.deliveries;
        for (let i = 0; i < 4; i++) await world.subscribe(`telegram:-10${200 + i}`);
        world.setNow(DUE);
        await world.delivery([]).runPass();
        const claim = (owner: string, limit: number) =>
          ledger.claim({ platform: "telegram", now: new Date(DUE), limit, leaseMs: LEASE_MS, owner });
        const [claimed, unsent, maybePosted] = await claim("live:1", 3);
        const [others] = await claim("other:2", 1);
        for (const [row, owner] of [
          [unsent!, "live:1"],
          [maybePosted!, "live:1"],
          [others!, "other:2"],
        ] as const) {
          expect(await ledger.markSending(row.id, owner, attemptUntil(plus(DUE, LEASE_MS)))).toBeDefined();
        }

        expect(await ledger.release("live:1", [unsent!.id, others!.id])).toBe(2);
        const byId = new Map((await ledger.list()).map((r) => [r.id, r]));
        expect(byId.get(claimed!.id)).toMatchObject({ state: "pending", attempts: 0 });
        expect(byId.get(unsent!.id)).toMatchObject({ state: "pending", attempts: 0 });
        // Not named: it may have reached the platform, so only its lease's end decides about it.
        expect(byId.get(maybePosted!.id)).toMatchObject({ state: "sending" });
        expect(byId.get(others!.id)).toMatchObject({ state: "sending" });
        // Given back as due at once: the next claim takes them, before the leases would have run out.
        const again = await claim("live:1", 10);
        expect(again.map((r) => r.id).sort()).toEqual([claimed!.id, unsent!.id].sort());
      });
    });

    describe("a claim lost to another owner", () => {
      it("can no longer be marked as sending or finished by the owner that lost it", async () => {
        const ledger = world.repositories.deliveries;
        const chat = await world.subscribe("telegram:-1001");
        const row = await claimAsDeadOwner(chat);
        const late = new Date(plus(DUE, LEASE_MS + 1_000));
        expect(await ledger.reclaimExpired(late, [])).toEqual([]);
        const [taken] = await ledger.claim({
          platform: "telegram",
          now: late,
          limit: 10,
          leaseMs: LEASE_MS,
          owner: "live:1",
        });
        expect(taken?.id).toBe(row.id);

        expect(await ledger.markSending(row.id, DEAD, attemptUntil(plus(DUE, 3 * LEASE_MS)))).toBeUndefined();
        expect(await ledger.finish(row.id, DEAD, { state: "sent", messageId: "from-the-dead" })).toBe(false);
        expect(
          await ledger.markSending(row.id, "live:1", attemptUntil(plus(DUE, 3 * LEASE_MS))),
        ).toBeDefined();
        expect(await ledger.finish(row.id, "live:1", { state: "sent", messageId: "42" })).toBe(true);
        expect(await ledger.finish(row.id, "live:1", { state: "failed" })).toBe(false);
        expect(await rowsOf(chat)).toEqual([expect.objectContaining({ state: "sent", messageId: "42" })]);
      });

      it("that was mid-send and recorded as uncertain is not overwritten by the late answer", async () => {
        const ledger = world.repositories.deliveries;
        const chat = await world.subscribe("telegram:-1001");
        const { row } = await sendingByDeadOwner(chat);
        const uncertain = await ledger.reclaimExpired(new Date(plus(DUE, LEASE_MS + 1_000)), [
          { platform: "discord" },
        ]);
        expect(uncertain.map((r) => r.id)).toEqual([row.id]);
        expect(await ledger.finish(row.id, DEAD, { state: "sent", messageId: "late" })).toBe(false);
        expect(await rowsOf(chat)).toEqual([
          expect.objectContaining({ state: "uncertain", detail: UNCERTAIN_AFTER_CRASH }),
        ]);
      });
    });
  });
}
