/**
 * The "platform" that worker processes post to: an HTTP server in the test process that records every
 * message by channel and idempotency key. A message counts as posted the moment its request arrives, and
 * the answer may be held back a while, so a worker killed in between leaves a post it never heard about,
 * as a real platform would. On platforms that dedupe (Discord's enforced nonce) a second request with a
 * key already seen in that channel is answered with the first message and posts nothing.
 *
 * `DELETE /<platform>` with `{ channel, messageId }` deletes a message, as a platform's delete does: the
 * first request for a message deletes it (counted the moment it arrives, its answer held back like a
 * post's), and any later one is answered 404, "not found", as Discord, Slack and Telegram answer.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** Platforms whose sink drops a resend with a key it has seen, as the worker's adapters declare. */
export const DEDUPING_PLATFORMS: ReadonlySet<string> = new Set(["discord"]);

export interface SinkPost {
  platform: string;
  channel: string;
  key: string;
  messageId: string;
  /** The worker process that sent it (its pid), to tell runs apart. */
  pid: number;
}

export interface SinkRequest {
  body: { channel: string; key: string };
  platform: string;
  pid: number;
}

export interface SinkDelete {
  platform: string;
  channel: string;
  messageId: string;
  pid: number;
  /** False when the message was already gone (the answer was 404). */
  deleted: boolean;
}

async function readJson(req: IncomingMessage): Promise<{ channel: string; key: string; messageId?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startSink() {
  const posts: SinkPost[] = [];
  /** Every request, duplicates included. */
  const requests: SinkRequest[] = [];
  const byKey = new Map<string, SinkPost>();
  const listeners = new Set<(request: SinkRequest) => void>();
  /** Every delete request, in order; `deleted` tells the one that deleted from later ones. */
  const deletes: SinkDelete[] = [];
  const gone = new Set<string>();
  let delay: () => number = () => 0;
  let nextId = 1;

  const server = createServer((req, res) => {
    res.on("error", () => {}); // the worker may have been killed while we held its answer
    const platform = (req.url ?? "/").slice(1);
    readJson(req)
      .then(async (body) => {
        if (req.method === "DELETE") {
          const message = `${platform}|${body.channel}|${body.messageId}`;
          const exists = posts.some(
            (p) => p.platform === platform && p.channel === body.channel && p.messageId === body.messageId,
          );
          const deleted = exists && !gone.has(message);
          gone.add(message);
          deletes.push({
            platform,
            channel: body.channel,
            messageId: String(body.messageId),
            pid: Number(req.headers["x-worker-pid"]),
            deleted,
          });
          const wait = delay();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          res.writeHead(deleted ? 200 : 404, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: deleted }));
          return;
        }
        const request = { body, platform, pid: Number(req.headers["x-worker-pid"]) };
        requests.push(request);
        const id = `${platform}|${body.channel}|${body.key}`;
        let post = DEDUPING_PLATFORMS.has(platform) ? byKey.get(id) : undefined;
        if (!post) {
          post = {
            platform,
            channel: body.channel,
            key: body.key,
            messageId: String(nextId++),
            pid: request.pid,
          };
          posts.push(post);
          byKey.set(id, post);
        }
        for (const listener of listeners) listener(request);
        const wait = delay();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ messageId: post.messageId }));
      })
      .catch(() => {
        res.writeHead(400);
        res.end();
      });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    requests,
    deletes,
    /** How long each answer is held back, drawn per request. */
    setDelay(next: () => number) {
      delay = next;
    },
    /** Resolves at the first delete request from process `pid`. */
    firstDeleteFrom(pid: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (deletes.some((d) => d.pid === pid)) resolve();
          else setTimeout(check, 5);
        };
        check();
      });
    },
    /** Resolves at the first request from process `pid`. */
    firstRequestFrom(pid: number): Promise<void> {
      if (requests.some((r) => r.pid === pid)) return Promise.resolve();
      return new Promise((resolve) => {
        const listener = (request: SinkRequest) => {
          if (request.pid !== pid) return;
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
      });
    },
    postsTo: (channel: string) => posts.filter((p) => p.channel === channel),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

export type Sink = Awaited<ReturnType<typeof startSink>>;
