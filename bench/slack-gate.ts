/**
 * An app-wide cap in front of the fake Slack. Slack publishes no bot-wide rate for chat.postMessage (only
 * about 1 per second per channel, which the fake enforces, and an unpublished per-workspace budget), so our
 * SLACK_MESSAGES_PER_SECOND (default 20) is a budget of our own, spread over all workspaces. The fake's
 * only wider cap is per workspace and per minute, which cannot hold a pacer to a rate across workspaces; so
 * this gate does, the way the Telegram fake holds its global cap: a token bucket of one second's posts,
 * refusing with HTTP 429, Retry-After in whole seconds and `ratelimited`, exactly as the fake answers.
 * Everything else, and every admitted post, is passed through to the fake untouched.
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackGate {
  /** Use as the Web API base (SLACK_API_URL). */
  apiUrl: string;
  /** Posts this gate refused (the fake's own refusals are counted by the fake). */
  limited(): number;
  close(): Promise<void>;
}

export async function startSlackGate(target: string, perSecond: number): Promise<SlackGate> {
  const upstream = new URL(target);
  let tokens = perSecond;
  let last = performance.now();
  let limited = 0;

  const admit = (): number | undefined => {
    const now = performance.now();
    tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - tokens) / perSecond));
  };

  const server = createServer((req, res) => {
    const retryAfter = req.url?.endsWith("/chat.postMessage") ? admit() : undefined;
    if (retryAfter !== undefined) {
      limited += 1;
      req.resume();
      res
        .writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) })
        .end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    limited: () => limited,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
