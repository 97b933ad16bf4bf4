/**
 * A local Bot API server for the real telegraf (`apiRoot: fake.apiRoot`): routes `POST /bot<token>/<method>`
 * to the method handlers, holds getUpdates for long polling, injects faults, logs every call.
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "./errors.ts";
import { type FakeWorld, METHODS, unknownMethod } from "./methods.ts";
import { UpdateQueue } from "./queue.ts";
import { DEFAULT_CAPS, type RateCaps, RateLimiter } from "./rate.ts";
import { FakeState } from "./state.ts";
import { checkStrings } from "./validate.ts";

export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  status: number;
  description?: string;
  /** Answered by an injected fault rather than by the fake's own rules. */
  injected: boolean;
  /** This thread's performance.now() when the request's body had been read (benchmarks time answers by it). */
  at: number;
}

export type Fault =
  | { kind: "error"; status: number; description: string; parameters?: ApiError["parameters"] }
  | { kind: "delay"; ms: number }
  | { kind: "drop" };

export interface ServerHooks {
  world: FakeWorld;
  calls: CallRecord[];
  faults: Map<string, Fault[]>;
  onRecord(): void;
  onPoll(offset: number): void;
}

export function createWorld(options: {
  botUsername: string;
  caps: Partial<RateCaps> | false;
  now: () => number;
}): FakeWorld {
  const bot = { id: 7_000_000_001, is_bot: true, first_name: "FreeToBeHome", username: options.botUsername };
  const caps = options.caps === false ? false : { ...DEFAULT_CAPS, ...options.caps };
  return {
    state: new FakeState(bot),
    limiter: new RateLimiter(caps, options.now),
    queue: new UpdateQueue(),
    posted: [],
    menuButtons: new Map(),
    commands: new Map(),
    webhook: undefined,
    openQueries: new Set(),
    inlineAnswers: [],
    callbackAnswers: [],
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  if (body === "") return {};
  if (!String(req.headers["content-type"]).includes("application/json")) {
    throw new ApiError(400, "Bad Request: the fake accepts JSON bodies only (no uploads)");
  }
  return JSON.parse(body) as Record<string, unknown>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function call(
  hooks: ServerHooks,
  method: string,
  params: Record<string, unknown>,
  res: ServerResponse,
) {
  const { world } = hooks;
  checkStrings(params);
  if (method !== "getUpdates")
    return (
      METHODS[method] ??
      (() => {
        throw unknownMethod();
      })
    )(world, params);
  if (world.webhook) {
    throw new ApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const offset = typeof params.offset === "number" ? params.offset : 0;
  hooks.onPoll(offset);
  const timeout = typeof params.timeout === "number" ? params.timeout : 0;
  const limit = typeof params.limit === "number" ? params.limit : 100;
  return world.queue.poll(offset, limit, timeout, (cb) => res.on("close", cb));
}

export async function startServer(token: string, hooks: ServerHooks) {
  const server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!match) return answer(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, given, method = ""] = match;
    let at = performance.now();
    const record = (
      status: number,
      params: Record<string, unknown>,
      description?: string,
      injected = false,
    ) => {
      hooks.calls.push({ method, params, status, description, injected, at });
      hooks.onRecord();
    };
    if (given !== token) {
      record(401, {}, "Unauthorized");
      return answer(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    let params: Record<string, unknown> = {};
    try {
      params = await readJson(req);
      at = performance.now();
      const fault = hooks.faults.get(method)?.shift();
      if (fault?.kind === "drop") {
        record(0, params, "connection dropped", true);
        return req.socket.destroy();
      }
      if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
      if (fault?.kind === "error")
        throw Object.assign(new ApiError(fault.status, fault.description, fault.parameters), {
          injected: true,
        });
      const result = await call(hooks, method, params, res);
      record(200, params);
      answer(res, 200, { ok: true, result });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(400, `Bad Request: ${(err as Error).message}`);
      record(e.status, params, e.description, (err as { injected?: boolean }).injected === true);
      const body = {
        ok: false,
        error_code: e.status,
        description: e.description,
        ...(e.parameters && { parameters: e.parameters }),
      };
      answer(res, e.status, body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
