/**
 * Serves the panel over HTTP with @hono/node-server (Hono's own adapter for Node: small, kept by the Hono
 * team, and the app stays a plain fetch handler that tests drive without a socket).
 */
import type { AddressInfo } from "node:net";
import type { Context } from "hono";
import { createAdaptorServer } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { ConfigError } from "../core/errors.ts";
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
    server.once("error", (err: NodeJS.ErrnoException) => reject(listenFailure(err, listen.port)));
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

function listenFailure(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === "EADDRINUSE") {
    return new ConfigError([`PANEL_PORT ${port} is already in use by another program: choose a free port`]);
  }
  if (err.code === "EACCES") {
    return new ConfigError([
      `PANEL_PORT ${port} needs privileges this process lacks: choose a port above 1023`,
    ]);
  }
  return err;
}
