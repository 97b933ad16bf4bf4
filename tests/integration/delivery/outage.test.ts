/**
 * A database outage in the middle of a fan-out, on the Postgres server behind a TCP proxy in this process
 * that drops every connection and refuses new ones, then lets them through again. The delivery scheduler
 * runs as in production; its clock moves with real time, and jumps a minute while the database is out,
 * so that leases expire as after a real minute-long outage without the test waiting for one. The posts
 * this process held when the database went away go out within 30 s of its return, each once, and the
 * outage is logged once when it starts and once when it ends.
 */
import postgres from "postgres";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Database } from "../../../db/client.ts";
import { postgresDatabase, postgresOptions } from "../../../db/postgres-client.ts";
import { migrateDatabase } from "../../../db/migrate.ts";
import type { ChannelRef } from "../../../src/core/channel.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { type CuttableProxy, startCuttableProxy } from "../../support/cuttable-proxy.ts";
import { createEmptyPostgresDatabase, describeOnPostgres } from "../../support/test-database.ts";
import { type DeliveryWorld, deliveryWorld } from "./harness.ts";

const DUE = Date.parse("2026-11-24T09:00:00Z");
const CHANNELS = 200;
/** How long the database is out, by the clock that governs leases: a claim's 5 minutes hold, a send's 60 s do not. */
const OUTAGE_BY_CLOCK_MS = 60_000;
/** How long it is out in real time: long enough for the scheduler's retries to fail at least once. */
const OUTAGE_REAL_MS = 7_000;
const RESUMED_WITHIN_MS = 30_000;

describeOnPostgres("a database outage mid fan-out", () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let direct: Database;
  let proxied: Database;
  let proxy: CuttableProxy;
  let world: DeliveryWorld;

  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase();
    direct = postgresDatabase(postgres(empty.url, postgresOptions));
    await migrateDatabase(direct);
    const url = new URL(empty.url);
    proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(proxy.port);
    proxied = postgresDatabase(postgres(url.toString(), postgresOptions));
    world = deliveryWorld(proxied, new Date(DUE - 3_600_000));
    await world.reset();
  });
  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
    await empty?.drop();
  });

  /** Real time, from the due time on, plus whatever the outage added. */
  function movingClock() {
    const started = performance.now();
    let base = DUE + 1_000;
    return {
      clock: { now: () => new Date(base + (performance.now() - started)) },
      jump: (ms: number) => {
        base += ms;
      },
    };
  }

  it("sends what it held within 30 s of recovery, none twice, and logs the outage once each way", async () => {
    const channels: ChannelRef[] = [];
    for (let i = 0; i < CHANNELS; i += 20) {
      const batch = Array.from({ length: 20 }, (_, j) => world.subscribe(`telegram:-100${2000 + i + j}`));
      channels.push(...(await Promise.all(batch)));
    }
    const { clock, jump } = movingClock();
    const sentAt = new Map<string, number>();
    let sends = 0;
    let cutting: Promise<void> | undefined;
    let restoredAt = Number.POSITIVE_INFINITY;
    let sentBeforeRecovery = new Set<string>();
    const telegram = createRecordingPlatform({
      async onSend(channel) {
        sentAt.set(channel, clock.now().getTime());
        // A quarter of the way through, the database goes away while sends are in flight.
        if (++sends === CHANNELS / 4) cutting = proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
      },
    });
    const delivery = world.delivery([telegram.adapter], { clock });
    delivery.scheduler.start();
    try {
      await vi.waitFor(() => expect(cutting).toBeDefined(), { timeout: 60_000, interval: 20 });
      await cutting;
      jump(OUTAGE_BY_CLOCK_MS);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_REAL_MS));
      sentBeforeRecovery = new Set(telegram.messages.map((m) => m.channel));
      expect(sentBeforeRecovery.size).toBeLessThan(CHANNELS);
      restoredAt = Date.now();
      await proxy.restore();
      const recoveredAt = clock.now().getTime();

      await vi.waitFor(() => expect(new Set(telegram.messages.map((m) => m.channel)).size).toBe(CHANNELS), {
        timeout: RESUMED_WITHIN_MS,
        interval: 100,
      });
      const resumed = channels.filter((c) => !sentBeforeRecovery.has(c));
      const latest = Math.max(...resumed.map((c) => sentAt.get(c)!));
      console.info(
        `${resumed.length} posts after recovery, the last ${((latest - recoveredAt) / 1000).toFixed(1)} s after it`,
      );
      expect(latest - recoveredAt).toBeLessThanOrEqual(RESUMED_WITHIN_MS);
    } finally {
      await delivery.scheduler.stop();
    }

    for (const channel of channels) expect(telegram.messagesTo(channel), channel).toHaveLength(1);
    const rows = await world.repositories.deliveries.list({ limit: 10_000 });
    expect(rows).toHaveLength(CHANNELS);
    for (const row of rows) {
      const [message] = telegram.messagesTo(row.channel);
      expect({ state: row.state, messageId: row.messageId }, row.channel).toEqual({
        state: "sent",
        messageId: message!.messageId,
      });
    }
    // Sends whose answers came while the database was out were recorded after it came back.
    const recordedLate = rows.filter(
      (r) => sentBeforeRecovery.has(r.channel) && r.updatedAt.getTime() >= restoredAt,
    );
    expect(recordedLate.length).toBeGreaterThan(0);
    const said = (start: string) => world.logger.records.filter((r) => r.message?.startsWith(start));
    expect(said("database outage started")).toHaveLength(1);
    expect(said("database outage ended")).toHaveLength(1);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual(said("database outage started"));
  }, 120_000);
});
