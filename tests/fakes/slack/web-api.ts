/**
 * The Web API methods the app calls, answering as Slack does: HTTP 200 with `{ok:false, error}` for
 * refusals, HTTP 429 with Retry-After for rate limits.
 */
import { scanMarkup } from "./markup.ts";
import { type OpenIdWorld, openidToken, openidUserInfo } from "./openid.ts";
import { deleteMessage, updateMessage } from "./message-changes.ts";
import { oauthAccess } from "./oauth.ts";
import type { PostRateLimiter } from "./rate-limit.ts";
import {
  type FakeChannel,
  type FakeTeam,
  type FakeUser,
  type PostedMessage,
  type PublishedView,
  userRoles,
} from "./state.ts";
import { ownerOf, type TokenWorld } from "./tokens.ts";
import { type MessageLimits, validateMessage } from "./validate.ts";
import { publishView } from "./views.ts";

export interface ApiAnswer {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export interface ApiWorld extends TokenWorld {
  channels: Map<string, FakeChannel>;
  users: Map<string, FakeUser>;
  appToken: string;
  appId: string;
  oauth: { clientId: string; clientSecret: string; codes: Map<string, string> };
  /** Sign in with Slack (openid.ts). */
  openid: OpenIdWorld;
  /** Whether the app's Home tab is enabled (its configuration); views.publish of a home view needs it. */
  homeTabEnabled: boolean;
  views: PublishedView[];
  limiter: PostRateLimiter;
  limits: MessageLimits;
  now(): number;
  socketUrl(): string;
  record(message: PostedMessage): void;
  findMessage(channel: string, ts: string): PostedMessage | undefined;
  /** Messages people wrote (`<channel>:<ts>`): a reply may be threaded under them. */
  peopleMessages: Set<string>;
  nextTs(): string;
}

type Body = Record<string, unknown>;

const ok = (body: Body = {}): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string, extra: Body = {}): ApiAnswer => ({
  status: 200,
  body: { ok: false, error, ...extra },
});

/**
 * The workspace a call acts in: the token's own, or for an org-wide token the workspace of the channel or
 * user the call names (which must belong to the organisation), with the organisation's token and scopes.
 */
function teamFor(world: ApiWorld, token: string | undefined, body: Body): FakeTeam | ApiAnswer {
  const owner = ownerOf(world, token);
  if (owner.kind === "error") return refuse(owner.error);
  let team: FakeTeam | undefined;
  if (owner.kind === "team") team = owner.team;
  else {
    const org = owner.enterprise;
    const channel = world.channels.get(String(body.channel ?? ""));
    const user = world.users.get(String(body.user ?? body.user_id ?? body.users ?? ""));
    const teamId = channel?.teamId ?? user?.teamId ?? (typeof body.team_id === "string" ? body.team_id : "");
    const member = world.teams.get(teamId);
    // Slack: an org-level token needs the workspace said when the call does not name one.
    if (!member || member.enterpriseId !== org.id) return refuse("missing_argument", { needed: "team_id" });
    team = {
      ...member,
      botToken: org.botToken,
      botUserId: org.botUserId,
      botId: org.botId,
      scopes: org.scopes,
    };
  }
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
  // A reply names its parent by ts; the fake answers an unknown one as Slack's threads API does.
  const threadTs = typeof body.thread_ts === "string" && body.thread_ts !== "" ? body.thread_ts : undefined;
  const parent = threadTs ? world.findMessage(channel.id, threadTs) : undefined;
  const byPerson = threadTs !== undefined && world.peopleMessages.has(`${channel.id}:${threadTs}`);
  if (threadTs && !byPerson && (!parent || parent.deleted)) return refuse("thread_not_found");
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
    ...(threadTs ? { threadTs: parent?.threadTs ?? threadTs } : {}),
    ...(threadTs && (body.reply_broadcast === true || body.reply_broadcast === "true")
      ? { broadcast: true }
      : {}),
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
  if (method === "auth.test") return authTest(world, token);
  const team = teamFor(world, token, body);
  if (!("id" in team)) return team;
  switch (method) {
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
        (user && user.teamId === team.id
          ? ok({ user: userRoles(user, body.include_locale === true || body.include_locale === "true") })
          : refuse("user_not_found"))
      );
    }
    case "views.publish":
      return publishView(world, team, body);
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

/** Who a token is: a workspace's bot, or an organisation's (org-wide install: no team). */
function authTest(world: ApiWorld, token: string | undefined): ApiAnswer {
  const owner = ownerOf(world, token);
  if (owner.kind === "error") return refuse(owner.error);
  if (owner.kind === "enterprise") {
    const org = owner.enterprise;
    const url = `https://${org.name}.enterprise.slack.com/`;
    const who = { user: "freetobehome", user_id: org.botUserId, bot_id: org.botId };
    return ok({ url, team: null, enterprise_id: org.id, is_enterprise_install: true, ...who });
  }
  const team = owner.team;
  return ok({
    url: `https://${team.name}.slack.com/`,
    team: team.name,
    user: "freetobehome",
    team_id: team.id,
    user_id: team.botUserId,
    bot_id: team.botId,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    is_enterprise_install: false,
  });
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
