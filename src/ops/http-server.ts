/**
 * The operations endpoints: /healthz answers 200 while the database answers, 503 otherwise; /metrics is
 * Prometheus text. Nothing else is served here.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { listenFailure } from "../core/listen-failure.ts";
import { withDeadline } from "./deadline.ts";

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** A probe (Docker, Kubernetes) gives up after a few seconds: answer "unhealthy" before it does. */
const HEALTH_TIMEOUT_MS = 2_000;

/** The health check's verdict and, when unhealthy, a short reason that is safe to show anyone. */
function checkHealth(healthy: () => Promise<boolean>, timeoutMs: number) {
  const check = healthy().then(
    (ok) => (ok ? { ok: true as const } : { ok: false as const, reason: "health check failed" }),
    () => ({ ok: false as const, reason: "database query failed" }),
  );
  // A database that stops answering leaves the check pending forever, and /healthz with it.
  return withDeadline(check, timeoutMs, () => ({
    ok: false as const,
    reason: `health check did not answer within ${timeoutMs} ms`,
  }));
}

export async function startOpsServer(options: {
  port: number;
  registry: Registry;
  healthy(): Promise<boolean>;
  healthTimeoutMs?: number;
}): Promise<OpsServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (path === "/healthz") {
      const health = await checkHealth(options.healthy, options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
      res
        .writeHead(health.ok ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify(health));
    } else if (path === "/metrics") {
      // A collector that throws must cost one scrape (a 500, which Prometheus records as `up` 0), never
      // the process: this handler's promise has no one to catch it.
      const text = await options.registry.metrics().catch(() => undefined);
      if (text === undefined) res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n");
      else res.writeHead(200, { "content-type": options.registry.contentType }).end(text);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err) => reject(listenFailure(err, "HTTP_PORT", options.port)));
    server.listen(options.port, "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    // closeAllConnections: a keep-alive probe connection would otherwise hold close() open.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
