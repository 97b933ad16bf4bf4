/**
 * A delivery worker as its own process, for processes.test.ts: opens the database at DATABASE_URL, builds
 * the app through the composition root (createApp, app.delivery) with adapters that post over HTTP to the
 * test's sink (SINK_URL), runs one pass, prints its PassReport as one JSON line and exits. The test runs several
 * at once and kills them mid-pass.
 *
 *   node --import tsx worker-process.ts [--at <ISO instant>]
 *
 * (processes.test.ts starts it compiled into one file, with plain node: see spawn-worker.ts.)
 *
 * DELIVERY_LEASE_MS and DELIVERY_CONCURRENCY override the service's claim lease and sends in flight;
 * WAIT_FOR_GO=1 makes the worker print "ready" once set up and wait for a line on stdin before the pass,
 * so that two workers start their passes together rather than a process start-up apart.
 */
import { once } from "node:events";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { postgresDatabase, postgresOptions } from "../../../db/postgres-client.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Logger } from "../../../src/core/ports/logger.ts";
import type { PlatformAdapter, SendResult } from "../../../src/core/platform.ts";
import type { RetractResult } from "../../../src/core/retraction.ts";
import { createApp } from "../../../src/app.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const optionalNumber = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

/** Posts to the sink; a failed request may or may not have been posted, as with a real platform. */
function sinkAdapter(
  platform: PlatformAdapter["platform"],
  afterUncertainSend: PlatformAdapter["afterUncertainSend"],
): PlatformAdapter {
  const url = `${env("SINK_URL")}/${platform}`;
  return {
    platform,
    afterUncertainSend,
    async start() {},
    async stop() {},
    async send(channel, post): Promise<SendResult> {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-worker-pid": String(process.pid) },
          body: JSON.stringify({ channel, key: post.idempotencyKey }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) return { kind: "transient", reason: `sink answered ${res.status}` };
        const { messageId } = (await res.json()) as { messageId: string };
        return { kind: "sent", messageId, messageRef: { channelId: channel, messageId } };
      } catch (err) {
        const reason = `sink request failed: ${(err as Error).message}`;
        // As the port says: a deduping platform's adapter reports this as transient and resends.
        return afterUncertainSend === "resend"
          ? { kind: "transient", reason }
          : { kind: "uncertain", reason };
      }
    },
    // Deletes at the sink; "not found" means someone (a killed run) deleted it already.
    async retract(channel, ref): Promise<RetractResult> {
      try {
        const res = await fetch(url, {
          method: "DELETE",
          headers: { "content-type": "application/json", "x-worker-pid": String(process.pid) },
          body: JSON.stringify({ channel, messageId: ref.messageId }),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status === 404) return { kind: "gone", reason: "message not found" };
        return res.ok ? { kind: "deleted" } : { kind: "transient", reason: `sink answered ${res.status}` };
      } catch (err) {
        return { kind: "transient", reason: `sink request failed: ${(err as Error).message}` };
      }
    },
  };
}

/** Warnings and errors to stderr, where the test shows them when something fails. */
function stderrLogger(bindings: object = {}): Logger {
  const write = (level: string) => (fields: object, message?: string) => {
    const err = (fields as { err?: Error }).err;
    process.stderr.write(
      `${JSON.stringify({ level, ...bindings, ...fields, ...(err ? { err: err.stack } : {}), message })}\n`,
    );
  };
  const quiet = () => {};
  return {
    debug: quiet,
    info: quiet,
    warn: write("warn"),
    error: write("error"),
    child: (more) => stderrLogger({ ...bindings, ...more }),
  };
}

const atIndex = process.argv.indexOf("--at");
const at = atIndex >= 0 ? new Date(process.argv[atIndex + 1] ?? "") : undefined;
if (at && Number.isNaN(at.getTime())) throw new Error("--at needs an ISO instant");

const database = postgresDatabase(postgres(env("DATABASE_URL"), { ...postgresOptions, max: 4 }));
// The process's whole clock starts at --at and runs on from it: the tests stand for time passing between
// restarts (leases running out) by starting the next worker later, which `runPass({ at })` alone would not
// do, since leases and dedupe windows run on the real clock.
const startedAt = Date.now();
const clock = { now: () => new Date((at?.getTime() ?? startedAt) + (Date.now() - startedAt)) };
const app = await createApp(loadConfig({}), { logger: stderrLogger(), clock, database });
const leaseMs = optionalNumber("DELIVERY_LEASE_MS");
const concurrency = optionalNumber("DELIVERY_CONCURRENCY");
const delivery = app.delivery(
  [sinkAdapter("telegram", "record-uncertain"), sinkAdapter("discord", "resend")],
  {
    pacers: new Map(), // the sink has no caps; pacing has tests of its own
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ...(concurrency === undefined ? {} : { concurrency }),
  },
);

if (process.env.WAIT_FOR_GO === "1") {
  await database.db.execute(sql`select 1`); // connected, so the pass starts without a handshake
  process.stdout.write("ready\n");
  await once(process.stdin, "data");
  process.stdin.pause();
}
const report = await delivery.runPass();
process.stdout.write(`${JSON.stringify(report)}\n`);
await app.close();
