/**
 * The Web API methods the app calls, answering as Slack does: HTTP 200 with `{ok:false, error}` for
 * refusals, HTTP 429 with Retry-After for rate limits.
 */
import { scanMarkup } from "./markup.ts";
import { type OpenIdWorld, openidToken, openidUserInfo } from "./openid.ts";
import { deleteMessage, updateMessage } from "./message-changes.ts";
import type { PostRateLimiter } from "./rate-limit.ts";
import { type FakeChannel, type FakeTeam, type FakeUser, type PostedMessage, userRoles } from "./state.ts";
import { type MessageLimits, validateMessage } from "./validate.ts";

export interface ApiAnswer {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export interface ApiWorld {
  teams: Map<string, FakeTeam>;
  channels: Map<string, FakeChannel>;
  users: Map<string, FakeUser>;
  appToken: string;
  appId: string;
  oauth: { clientId: string; clientSecret: string; codes: Map<string, string> };
  /** Sign in with Slack (openid.ts). */
  openid: OpenIdWorld;
  limiter: PostRateLimiter;
  limits: MessageLimits;
  now(): number;
  socketUrl(): string;
  record(message: PostedMessage): void;
  findMessage(channel: string, ts: string): PostedMessage | undefined;
  nextTs(): string;
}

type Body = Record<string, unknown>;

const ok = (body: Body = {}): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string, extra: Body = {}): ApiAnswer => ({
  status: 200,
  body: { ok: false, error, ...extra },
});

function teamFor(world: ApiWorld, token: string | undefined): FakeTeam | ApiAnswer {
  if (!token) return refuse("not_authed");
  const team = [...world.teams.values()].find((t) => t.botToken === token);
  if (!team) return refuse("invalid_auth");
  if (team.revoked) return refuse("token_revoked");
  if (team.inactive) return refuse("account_inactive");
  return team;
}

const needScope = (team: FakeTeam, scope: string): ApiAnswer | undefined =>
  team.scopes.includes(scope)
    ? undefined
    : refuse("missing_scope", { needed: scope, provided: team.scopes.join(",") });

function postMessage(world: ApiWorld, team: FakeTeam, body: Body): ApiAnswer {
  const missing = needScope(team, "chat:write");
  if (missing) return missing;
  const channel = world.channels.get(String(body.channel ?? ""));
  if (!channel || channel.teamId !== team.id) return refuse("channel_not_found");
  if (channel.archived) return refuse("is_archived");
  const mayPost = channel.botMember || (!channel.isPrivate && team.scopes.includes("chat:write.public"));
  if (!mayPost) return refuse("not_in_channel");
  const refusal = validateMessage(body, world.limits);
  if (refusal) return refuse(refusal.error, { response_metadata: { messages: [refusal.detail] } });
  const retryAfter = world.limiter.check(team.id, channel.id, world.now());
  if (retryAfter !== undefined) {
    return {
      status: 429,
      headers: { "retry-after": String(retryAfter) },
      body: { ok: false, error: "ratelimited" },
    };
  }
  const ts = world.nextTs();
  world.record({
    teamId: team.id,
    channel: channel.id,
    ts,
    ...(typeof body.text === "string" ? { text: body.text } : {}),
    ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
    ...(body.metadata !== undefined ? { metadata: body.metadata } : {}),
    ...scanMarkup(body),
    at: world.now(),
  });
  return ok({
    channel: channel.id,
    ts,
    message: { type: "message", ts, text: body.text, bot_id: team.botId },
  });
}

/**
 * `conversations.open` with `users=<one user>`: the bot's direct message with that user, opened once and
 * returned again after (`already_open`). Bot tokens need `im:write` for a DM. A deactivated user is
 * `user_disabled`; one Slack does not know in this workspace, `user_not_found`; the bot itself,
 * `cannot_dm_bot`.
 */
function openConversation(world: ApiWorld, team: FakeTeam, body: Body): ApiAnswer {
  const missing = needScope(team, "im:write");
  if (missing) return missing;
  const users = typeof body.users === "string" ? body.users.split(",").filter(Boolean) : [];
  if (users.length === 0) return refuse("users_list_not_supplied");
  if (users.length > 1) return refuse("fake_supports_only_one_user");
  const userId = users[0]!;
  if (userId === team.botUserId) return refuse("cannot_dm_bot");
  const user = world.users.get(userId);
  if (!user || user.teamId !== team.id) return refuse("user_not_found");
  if (user.deleted) return refuse("user_disabled");
  const open = [...world.channels.values()].find((c) => c.teamId === team.id && c.imUser === userId);
  if (open) return ok({ no_op: true, already_open: true, channel: { id: open.id } });
  const id = `D0${userId.slice(1)}`;
  world.channels.set(id, {
    id,
    teamId: team.id,
    name: userId,
    isPrivate: true,
    botMember: true,
    imUser: userId,
  });
  return ok({ channel: { id } });
}

function oauthAccess(world: ApiWorld, body: Body, basic: { id?: string; secret?: string }): ApiAnswer {
  const id = basic.id ?? body.client_id;
  const secret = basic.secret ?? body.client_secret;
  if (id !== world.oauth.clientId || secret !== world.oauth.clientSecret) return refuse("invalid_client_id");
  const teamId = world.oauth.codes.get(String(body.code ?? ""));
  const team = teamId ? world.teams.get(teamId) : undefined;
  if (!team) return refuse("invalid_code");
  world.oauth.codes.delete(String(body.code));
  return ok({
    app_id: world.appId,
    access_token: team.botToken,
    token_type: "bot",
    scope: team.scopes.join(","),
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: [...world.users.values()].find((u) => u.teamId === team.id)?.id ?? "U0" },
  });
}

export function callMethod(
  world: ApiWorld,
  method: string,
  body: Body,
  auth: { bearer?: string; basic: { id?: string; secret?: string } },
): ApiAnswer {
  if (method === "oauth.v2.access") return oauthAccess(world, body, auth.basic);
  if (method === "openid.connect.token") return openidToken(world, body, auth.basic);
  if (method === "openid.connect.userInfo") return openidUserInfo(world, auth.bearer);
  const token = auth.bearer ?? (typeof body.token === "string" ? body.token : undefined);
  if (method === "apps.connections.open") {
    if (token !== world.appToken)
      return refuse(token?.startsWith("xapp-") ? "invalid_auth" : "not_allowed_token_type");
    return ok({ url: world.socketUrl() });
  }
  const team = teamFor(world, token);
  if (!("id" in team)) return team;
  switch (method) {
    case "auth.test":
      return ok({
        url: `https://${team.name}.slack.com/`,
        team: team.name,
        user: "freetobehome",
        team_id: team.id,
        user_id: team.botUserId,
        bot_id: team.botId,
        is_enterprise_install: false,
      });
    case "chat.postMessage":
      return postMessage(world, team, body);
    case "chat.delete":
      return deleteMessage(world, team, body);
    case "chat.update":
      return updateMessage(world, team, body);
    case "conversations.open":
      return openConversation(world, team, body);
    case "users.info": {
      const user = world.users.get(String(body.user ?? ""));
      return (
        needScope(team, "users:read") ??
        (user && user.teamId === team.id ? ok({ user: userRoles(user) }) : refuse("user_not_found"))
      );
    }
    case "conversations.info": {
      const channel = world.channels.get(String(body.channel ?? ""));
      if (!channel || channel.teamId !== team.id) return refuse("channel_not_found");
      const scope = channel.isPrivate ? "groups:read" : "channels:read";
      return needScope(team, scope) ?? ok({ channel: conversation(channel) });
    }
    default:
      return refuse("unknown_method");
  }
}

function conversation(channel: FakeChannel) {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isPrivate,
    is_group: Boolean(channel.isPrivate),
    is_private: Boolean(channel.isPrivate),
    is_archived: Boolean(channel.archived),
    is_member: Boolean(channel.botMember),
  };
}
