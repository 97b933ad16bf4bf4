import { createServer } from "node:net";
import { Gauge, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../../src/core/errors.ts";
import { type OpsServer, startOpsServer } from "../../../src/ops/http-server.ts";

let ops: OpsServer | undefined;
afterEach(async () => {
  await ops?.close();
  ops = undefined;
});

async function healthz(healthy: () => Promise<boolean>) {
  ops = await startOpsServer({ port: 0, registry: new Registry(), healthy, healthTimeoutMs: 200 });
  const answer = await fetch(`http://127.0.0.1:${ops.port}/healthz`);
  return { status: answer.status, body: (await answer.json()) as unknown };
}

describe("/healthz", () => {
  it("answers 200 while the database answers", async () => {
    expect(await healthz(async () => true)).toEqual({ status: 200, body: { ok: true } });
  });

  it("answers 503 with a reason when the check never settles (a database that hangs)", async () => {
    const started = Date.now();
    const answer = await healthz(() => new Promise<boolean>(() => {}));
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ ok: false, reason: "health check did not answer within 200 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers 503 when the check fails, without the error's text", async () => {
    const answer = await healthz(() => Promise.reject(new Error("password authentication failed: s3cret")));
    expect(answer).toEqual({ status: 503, body: { ok: false, reason: "database query failed" } });
  });
});

describe("/metrics", () => {
  it("answers 500 when a collector throws, and keeps serving", async () => {
    const registry = new Registry();
    let broken = true;
    new Gauge({
      name: "flaky",
      help: "A gauge whose source fails.",
      registers: [registry],
      collect() {
        if (broken) throw new Error("source down");
        this.set(1);
      },
    });
    ops = await startOpsServer({ port: 0, registry, healthy: async () => true });
    const url = `http://127.0.0.1:${ops.port}/metrics`;
    expect((await fetch(url)).status).toBe(500);
    broken = false;
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("\nflaky 1\n");
  });
});

describe("listening", () => {
  it("says HTTP_PORT is taken instead of throwing EADDRINUSE", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "0.0.0.0", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const failure = await startOpsServer({
        port,
        registry: new Registry(),
        healthy: async () => true,
      }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).problems).toEqual([
        `HTTP_PORT ${port} is already in use by another program: choose a free port`,
      ]);
    } finally {
      taken.close();
    }
  });
});
