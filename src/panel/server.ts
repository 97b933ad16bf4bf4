/**
 * Serves the panel over HTTP with @hono/node-server (Hono's own adapter for Node: small, kept by the Hono
 * team, and the app stays a plain fetch handler that tests drive without a socket).
 */
import type { AddressInfo } from "node:net";
import type { Context } from "hono";
import { createAdaptorServer } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { listenFailure } from "../core/listen-failure.ts";
import { createPanelApp, type PanelOptions } from "./app.ts";
import type { PanelDeps } from "./deps.ts";

export interface PanelServer {
  /** Where it listens, as a URL (the bound host and the port, also when the port was 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startPanelServer(
  deps: PanelDeps,
  listen: { host: string; port: number },
  options: Omit<PanelOptions, "clientAddress"> = {},
): Promise<PanelServer> {
  const app = createPanelApp(deps, {
    ...options,
    clientAddress: (c) => getConnInfo(c as Context).remote.address ?? "unknown",
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(listenFailure(err, "PANEL_PORT", listen.port)),
    );
    server.listen(listen.port, listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
