/**
 * The REST API under /api/v10: routing, auth, faults and rate limits in front of the handlers. Answers
 * like Discord: JSON errors with codes, 204 without a content-type, the rate-limit headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { crosspostRoutes } from "./crosspost.ts";
import { dmRoutes } from "./direct-messages.ts";
import { channelRoutes, commandRoutes, type Reply } from "./handlers.ts";
import { interactionRoutes } from "./interaction-routes.ts";
import { messageChangeRoutes } from "./message-changes.ts";
import { takeFault } from "./limits.ts";
import { oauthRoutes } from "./oauth.ts";
import type { FakeState, RecordedRequest } from "./state.ts";

export interface Route {
  method: string;
  pattern: RegExp;
  route: string;
  /** Interaction callbacks and their webhooks carry no bot token and skip the global limit. */
  interaction?: boolean;
  /** OAuth2 routes: authorized by the handler itself (a client's credentials or a bearer token). */
  oauth?: boolean;
  handle(state: FakeState, params: string[], request: RecordedRequest): Reply | Promise<Reply>;
}

export const apiError = (status: number, code: number, message: string): Reply => ({
  status,
  body: { code, message },
});

const PREFIX = "/api/v10";

export function createRestHandler(state: FakeState, gatewayUrl: () => string) {
  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/gateway\/bot$/,
      route: "GET /gateway/bot",
      handle: () => ({
        status: 200,
        body: {
          url: gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    ...oauthRoutes,
    ...commandRoutes,
    ...channelRoutes,
    ...crosspostRoutes,
    ...messageChangeRoutes,
    ...dmRoutes,
    ...interactionRoutes,
  ];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = decodeURIComponent(
      url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
    );
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    const match = routes
      .map((r) => ({ r, m: r.method === method ? r.pattern.exec(path) : null }))
      .find((x) => x.m);
    const params = match?.m?.slice(1) ?? [];
    const request: RecordedRequest = {
      at: Date.now(),
      method,
      path,
      route: match?.r.route ?? `${method} ${path}`,
      major: params[0] ?? "global",
      query: url.searchParams,
      headers: req.headers,
      body: parseJson(raw, req.headers["content-type"]),
    };
    state.requests.push(request);
    const reply = await answer(state, match?.r, params, request, res);
    if (!reply) return;
    request.status = reply.status;
    write(res, reply);
  };
}

/** Faults first, then auth, then the rate limits, then the route itself. */
async function answer(
  state: FakeState,
  route: Route | undefined,
  params: string[],
  request: RecordedRequest,
  res: ServerResponse,
): Promise<Reply | undefined> {
  if (!route) return apiError(404, 0, "404: Not Found");
  const fault = takeFault(state.faults, route.route, request.major);
  if (fault?.kind === "slow") await sleep(fault.delayMs);
  if (fault?.kind === "reset") {
    request.status = 0;
    res.socket?.destroy();
    return undefined;
  }
  if (fault?.kind === "429") return state.limiter.injected(fault);
  if (fault?.kind === "5xx") return apiError(fault.status ?? 500, 0, "500: Internal Server Error");
  if (fault?.kind === "error") return apiError(fault.status, fault.code, fault.message);
  if (!route.interaction && !route.oauth && request.headers.authorization !== `Bot ${state.token}`) {
    return apiError(401, 0, "401: Unauthorized");
  }
  // The bot's own requests count against its global limit, on an OAuth route too (GET /users/@me).
  const asBot = request.headers.authorization === `Bot ${state.token}`;
  const limit = state.limiter.check(
    route.route,
    request.major,
    !route.interaction && (!route.oauth || asBot),
  );
  if ("status" in limit) return limit;
  const reply = await route.handle(state, params, request);
  return { ...reply, headers: { ...limit.headers, ...reply.headers } };
}

function write(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers } as Record<string, string>;
  if (reply.body === undefined) {
    // Discord answers 204 with no content-type; @discordjs/rest would try to parse JSON otherwise.
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...headers, "content-type": "application/json" });
  res.end(JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(raw: string, contentType: string | undefined): unknown {
  // The OAuth2 token endpoint takes a form, as OAuth does.
  if (raw && contentType?.startsWith("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(raw));
  if (!raw || !contentType?.startsWith("application/json")) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
