/**
 * A local Slack for tests and benchmarks, on 127.0.0.1 and a random port: the Web API (`/api/<method>`),
 * response_url endpoints (`/respond/<id>`), the OAuth consent page (`/oauth/v2/authorize`) and the Socket
 * Mode WebSocket (`/socket-mode`). Drive the real Bolt and Web API client against it with
 * `slackApiUrl: fake.apiUrl`. For a benchmark: `startFakeSlack({ caps: { perChannelPerSecond, burst } })`,
 * then `stats()` for messages accepted and 429s sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { scanMarkup } from "./markup.ts";
import { PostRateLimiter, type RateCaps } from "./rate-limit.ts";
import { FakeSocketMode } from "./socket-mode.ts";
import {
  type ApiCall,
  DEFAULT_SCOPES,
  type FakeChannel,
  type FakeEnterprise,
  type FakeTeam,
  type FakeUser,
  type PostedMessage,
  type PublishedView,
  type Rejection,
  type ResponsePost,
} from "./state.ts";
import { expire } from "./tokens.ts";
import { readBody, readCredentials } from "./http-body.ts";
import { authorize } from "./oauth.ts";
import { authorizePage, newOpenIdWorld } from "./openid.ts";
import { reachableUnlessInvalid, validateMessage } from "./validate.ts";
import { type ApiAnswer, type ApiWorld, callMethod } from "./web-api.ts";

export type { RateCaps } from "./rate-limit.ts";
export type {
  ApiCall,
  FakeChannel,
  FakeEnterprise,
  FakeTeam,
  FakeUser,
  PostedMessage,
  PublishedView,
  ResponsePost,
} from "./state.ts";
export * from "./requests.ts";
export * from "./requests-home.ts";

/** What the next call(s) of a method get instead of a normal answer. */
export type Fault =
  | { error: string }
  | { status: number }
  | { delayMs: number }
  | { drop: true }
  /** HTTP 429 with `Retry-After: <seconds>`, as Slack throttles a method. */
  | { ratelimitedS: number };

export interface FakeSlackOptions {
  caps?: RateCaps;
  /** Summed block text above which posts get `msg_blocks_too_long`; default 12,000. */
  maxBlocksText?: number;
  /** Which image URLs Slack can download; default: all but those on the `.invalid` domain. */
  imageReachable?(url: string): boolean;
  appToken?: string;
  /** Milliseconds; the rate limiter's clock. */
  now?(): number;
  /** Whether the app's Home tab is enabled in its configuration; default true. */
  homeTabEnabled?: boolean;
}

/** A response_url may be used this many times (Slack: 5 within 30 minutes). */
const RESPONSE_URL_USES = 5;

export class FakeSlack {
  readonly messages: PostedMessage[] = [];
  readonly responses: ResponsePost[] = [];
  readonly rejections: Rejection[] = [];
  readonly calls = new Map<string, number>();
  /** Every Web API call in order, with its channel (or users) and answer. */
  readonly log: ApiCall[] = [];
  readonly socket: FakeSocketMode;
  /** The app's OAuth redirect URL, as set in its Slack configuration: where the consent page returns to. */
  oauthRedirectUrl: string | undefined;
  private readonly world: ApiWorld;
  private readonly faults = new Map<string, Fault[]>();
  private readonly server: Server;
  private ts = 1_700_000_000_000;
  private port = 0;

  constructor(options: FakeSlackOptions = {}) {
    const appId = "A0FAKEAPP";
    this.socket = new FakeSocketMode(appId);
    this.world = {
      teams: new Map(),
      enterprises: new Map(),
      issued: new Map(),
      refreshTokens: new Map(),
      homeTabEnabled: options.homeTabEnabled ?? true,
      peopleMessages: new Set(),
      views: [],
      channels: new Map(),
      users: new Map(),
      appToken: options.appToken ?? "xapp-1-A0FAKEAPP-fake",
      appId,
      oauth: { clientId: "1111.2222", clientSecret: "fake-client-secret", codes: new Map() },
      openid: newOpenIdWorld(),
      limiter: new PostRateLimiter(options.caps),
      limits: {
        maxBlocksText: options.maxBlocksText ?? 12_000,
        imageReachable: options.imageReachable ?? reachableUnlessInvalid,
      },
      now: options.now ?? (() => performance.now()),
      socketUrl: () => `ws://127.0.0.1:${this.port}/socket-mode?ticket=${this.ts}`,
      record: (message) => this.messages.push(message),
      findMessage: (channel, ts) => this.messages.find((m) => m.channel === channel && m.ts === ts),
      nextTs: () => `${Math.floor(++this.ts / 1000)}.${String(this.ts % 1000).padStart(6, "0")}`,
    };
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err) => {
        res.writeHead(500).end(String(err));
      });
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/socket-mode")) this.socket.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For `slackApiUrl` / `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get appToken(): string {
    return this.world.appToken;
  }

  get oauth() {
    return { clientId: this.world.oauth.clientId, clientSecret: this.world.oauth.clientSecret };
  }

  addTeam(team: Partial<FakeTeam> & { id: string }): FakeTeam {
    const full: FakeTeam = {
      name: team.id.toLowerCase(),
      botToken: `xoxb-${team.id}-fake`,
      botUserId: `U0BOT${team.id}`,
      botId: `B0BOT${team.id}`,
      scopes: [...DEFAULT_SCOPES],
      ...team,
    };
    this.world.teams.set(full.id, full);
    return full;
  }

  /** An Enterprise Grid organisation; its workspaces are teams added with `enterpriseId`. */
  addEnterprise(org: Partial<FakeEnterprise> & { id: string }): FakeEnterprise {
    const full: FakeEnterprise = {
      name: org.id.toLowerCase(),
      botToken: `xoxb-${org.id}-org-fake`,
      botUserId: `U0BOT${org.id}`,
      botId: `B0BOT${org.id}`,
      scopes: [...DEFAULT_SCOPES],
      ...org,
    };
    this.world.enterprises.set(full.id, full);
    return full;
  }

  /** The app turned token rotation on: installs and refreshes from now on give tokens lasting `expiresInS`. */
  enableTokenRotation(expiresInS = 43_200): void {
    this.world.rotation = { expiresInS };
  }

  /** An issued (rotating) access token expires now: Slack answers `token_expired` for it. */
  expireToken(token: string): void {
    expire(this.world, token);
  }

  /** Whether a refresh token is still good (unused). */
  refreshTokenLive(token: string): boolean {
    return this.world.refreshTokens.has(token);
  }

  /** A person wrote a message at `ts` in `channel` (the app may reply in its thread). */
  personPosted(channel: string, ts: string): void {
    this.world.peopleMessages.add(`${channel}:${ts}`);
  }

  /** Every Home view published, in order. */
  get views(): readonly PublishedView[] {
    return this.world.views;
  }

  /** The Home tab a user sees now: the latest view published for them. */
  homeOf(userId: string): PublishedView | undefined {
    return this.world.views.filter((v) => v.userId === userId).at(-1);
  }

  team(id: string): FakeTeam {
    const team = this.world.teams.get(id);
    if (!team) throw new Error(`no fake team ${id}`);
    return team;
  }

  addChannel(channel: FakeChannel): FakeChannel {
    this.world.channels.set(channel.id, channel);
    return channel;
  }

  /** The channel is deleted: Slack answers `channel_not_found` for it from now on. */
  deleteChannel(id: string): void {
    this.world.channels.delete(id);
  }

  channel(id: string): FakeChannel {
    const channel = this.world.channels.get(id);
    if (!channel) throw new Error(`no fake channel ${id}`);
    return channel;
  }

  /** Sign in with Slack: the app's Redirect URLs, and who is signed in to Slack in the browser. */
  get openid() {
    return this.world.openid;
  }

  signInAs(user: FakeUser): void {
    this.world.openid.user = user;
  }

  addUser(user: FakeUser): FakeUser {
    this.world.users.set(user.id, user);
    return user;
  }

  /** A one-time code that `oauth.v2.access` exchanges for the team's bot token. */
  issueOAuthCode(teamId: string): string {
    const code = `code-${teamId}-${++this.ts}`;
    this.world.oauth.codes.set(code, teamId);
    return code;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${encodeURIComponent(id)}`;
  }

  /** The next `times` calls of `method` get `fault` instead of their normal answer. */
  failNext(method: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(method, queue);
  }

  /** Calls of `method` answer normally again (faults still queued are dropped). */
  clearFaults(method: string): void {
    this.faults.delete(method);
  }

  messagesIn(channelId: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channelId && !m.deleted);
  }

  /** Every call naming this channel, answered or refused (`chat.postMessage` and the like). */
  callsTo(channelId: string): ApiCall[] {
    return this.log.filter((c) => c.channel === channelId);
  }

  /** The bot's direct message with a user, once `conversations.open` has opened it. */
  directMessageWith(userId: string): FakeChannel | undefined {
    return [...this.world.channels.values()].find((c) => c.imUser === userId);
  }

  /** For benchmarks: accepted posts per channel, 429s, and calls per method. */
  stats() {
    const messagesPerChannel: Record<string, number> = {};
    for (const m of this.messages) messagesPerChannel[m.channel] = (messagesPerChannel[m.channel] ?? 0) + 1;
    return {
      messages: this.messages.length,
      messagesPerChannel,
      ratelimited: this.rejections.filter((r) => r.error === "ratelimited").length,
      calls: Object.fromEntries(this.calls),
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", this.url).pathname;
    const body = await readBody(req);
    if (req.method === "POST" && path.startsWith("/api/")) return this.api(path.slice(5), body, req, res);
    if (req.method === "POST" && path.startsWith("/respond/"))
      return this.respond(decodeURIComponent(path.slice(9)), body, res);
    if (req.method === "GET" && path === "/oauth/v2/authorize") {
      const query = new URL(req.url ?? "/", this.url).searchParams;
      const answer = authorize(this.world, query, this.oauthRedirectUrl, (team) => this.issueOAuthCode(team));
      if (answer.status === 302) res.writeHead(302, { location: answer.location }).end();
      else res.writeHead(400, { "content-type": "text/plain" }).end(answer.error);
      return;
    }
    if (path === "/openid/connect/authorize") {
      const query =
        req.method === "POST"
          ? new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]))
          : new URL(req.url ?? "/", this.url).searchParams;
      const page = authorizePage(this.world, req.method ?? "GET", query);
      res.writeHead(page.status, page.headers).end(page.body);
      return;
    }
    res.writeHead(404).end();
  }

  private async api(
    method: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const fault = this.faults.get(method)?.shift();
    let answer: ApiAnswer | undefined;
    if (fault && "drop" in fault) return void req.socket.destroy();
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && "status" in fault)
      answer = { status: fault.status, body: { ok: false, error: "fake_http_error" } };
    if (fault && "error" in fault) answer = { status: 200, body: { ok: false, error: fault.error } };
    if (fault && "ratelimitedS" in fault) {
      const headers = { "retry-after": String(fault.ratelimitedS) };
      answer = { status: 429, headers, body: { ok: false, error: "ratelimited" } };
    }
    answer ??= callMethod(this.world, method, body, readCredentials(req));
    this.log.push({
      method,
      ...(typeof body.channel === "string" ? { channel: body.channel } : {}),
      ...(typeof body.users === "string" ? { users: body.users } : {}),
      ok: answer.body.ok === true,
      ...(answer.body.ok === true ? {} : { error: String(answer.body.error) }),
    });
    if (answer.body.ok === false) {
      const detail = (answer.body.response_metadata as { messages?: string[] } | undefined)?.messages?.[0];
      this.rejections.push({
        method,
        error: String(answer.body.error),
        status: answer.status,
        ...(detail ? { detail } : {}),
      });
    }
    if (res.destroyed) return;
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  private respond(id: string, body: Record<string, unknown>, res: ServerResponse): void {
    const used = this.responses.filter((r) => r.id === id).length;
    const refusal =
      used >= RESPONSE_URL_USES ? { error: "used_url", detail: "" } : responseRefusal(body, this.world);
    if (refusal) {
      this.rejections.push({
        method: "response_url",
        error: refusal.error,
        detail: refusal.detail,
        status: 400,
      });
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: refusal.error }));
      return;
    }
    this.responses.push({ id, body, ...scanMarkup(body), at: this.world.now() });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
  }
}

/** A response_url post may also just delete or replace the original, without text of its own. */
function responseRefusal(body: Record<string, unknown>, world: ApiWorld) {
  if (body.delete_original === true) return undefined;
  return validateMessage(body, world.limits);
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  return new FakeSlack(options).start();
}
