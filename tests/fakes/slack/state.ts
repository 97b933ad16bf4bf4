/**
 * What the fake Slack knows: workspaces with their bot tokens and scopes, channels, users with their roles,
 * and everything the app posted or was refused.
 */

export interface FakeTeam {
  id: string;
  name: string;
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
  /** Tokens Slack no longer accepts for this team (`token_revoked`). */
  revoked?: boolean;
  /** The workspace was deleted or deactivated (`account_inactive`). */
  inactive?: boolean;
  /** The Enterprise Grid organisation the workspace belongs to (`E…`). */
  enterpriseId?: string;
}

/**
 * An Enterprise Grid organisation. An org-wide install gives one bot token for the organisation, good in
 * every workspace of it (the team is the one the channel or user named in the call belongs to).
 */
export interface FakeEnterprise {
  id: string;
  name: string;
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
}

export interface FakeChannel {
  id: string;
  teamId: string;
  name: string;
  isPrivate?: boolean;
  archived?: boolean;
  /** Whether the bot was invited. Public channels accept posts without it given `chat:write.public`. */
  botMember?: boolean;
  /** A direct message between the bot and this user (a `D…` id, from `conversations.open`). */
  imUser?: string;
}

export type FakeRole = "member" | "admin" | "owner" | "primary_owner" | "guest" | "single_channel_guest";

export interface FakeUser {
  id: string;
  teamId: string;
  name: string;
  role: FakeRole;
  deleted?: boolean;
  /** IETF tag Slack gives with `users.info` `include_locale=true` (e.g. `es-ES`). */
  locale?: string;
}

/** A message Slack accepted, with what Slack would have turned into mentions and links. */
export interface PostedMessage {
  teamId: string;
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: unknown;
  /** The parent message's ts when posted in a thread (`thread_ts`). */
  threadTs?: string;
  /** A thread reply also shown in the channel (`reply_broadcast`). */
  broadcast?: boolean;
  /** `<!channel>`, `<!here>`, `<@U…>`, `<#C…>`, `<!subteam^…>` found in text Slack parses as mrkdwn. */
  mentions: string[];
  /** Link targets in mrkdwn (`<https://…|…>`). */
  links: string[];
  at: number;
  /** Taken back by the bot (chat.delete) or changed by it (chat.update). */
  deleted?: boolean;
  edited?: boolean;
}

/** A post to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  mentions: string[];
  links: string[];
  at: number;
}

/** Every Web API call as it arrived, with its answer: to count calls to one channel or user. */
export interface ApiCall {
  method: string;
  /** The `channel` argument, when there was one. */
  channel?: string;
  /** The `users` argument (`conversations.open`). */
  users?: string;
  ok: boolean;
  error?: string;
}

export interface Rejection {
  method: string;
  error: string;
  detail?: string;
  status: number;
}

/** A Home tab view the app published for one user (`views.publish`); the latest one is what they see. */
export interface PublishedView {
  teamId: string;
  userId: string;
  view: Record<string, unknown>;
  at: number;
}

export const DEFAULT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "users:read",
  "im:write",
  "app_mentions:read",
];

/** `users.info`'s user; `locale` only when asked for (`include_locale=true`), as on Slack. */
export function userRoles(user: FakeUser, includeLocale = false) {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    real_name: user.name,
    deleted: user.deleted ?? false,
    is_bot: false,
    is_admin: user.role === "admin" || user.role === "owner" || user.role === "primary_owner",
    is_owner: user.role === "owner" || user.role === "primary_owner",
    is_primary_owner: user.role === "primary_owner",
    is_restricted: user.role === "guest" || user.role === "single_channel_guest",
    is_ultra_restricted: user.role === "single_channel_guest",
    ...(includeLocale && user.locale ? { locale: user.locale } : {}),
  };
}
