/**
 * The operations endpoints: /healthz answers 200 while the database answers, 503 otherwise; /metrics is
 * Prometheus text. Nothing else is served here.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(options: {
  port: number;
  registry: Registry;
  healthy(): Promise<boolean>;
}): Promise<OpsServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (path === "/healthz") {
      const ok = await options.healthy().catch(() => false);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok }));
    } else if (path === "/metrics") {
      res
        .writeHead(200, { "content-type": options.registry.contentType })
        .end(await options.registry.metrics());
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
