/**
 * A TCP proxy in the test process, in front of a local server (the test Postgres), that can be cut and
 * restored to play a database outage: `cut()` drops every connection through it and stops listening, so
 * new connections are refused; `restore()` listens on the same port again.
 */
import net from "node:net";

export interface CuttableProxy {
  port: number;
  /** Connections made through the proxy so far. */
  readonly connections: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  const open = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      // Either side failing ends both, as a broken network would.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) resolve();
      else server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  return {
    port,
    get connections() {
      return connections;
    },
    cut: stopListening,
    restore: () => listen(port),
    close: stopListening,
  };
}
