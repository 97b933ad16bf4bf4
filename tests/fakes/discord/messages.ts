/**
 * Message objects as Discord returns them, and who a message would notify: mentions in `content`
 * (embeds never ping), filtered by `allowed_mentions` (absent means "parse everything").
 */
import { snowflake } from "./snowflake.ts";
import type { FakeState, Mentions, StoredMessage } from "./state.ts";

type Json = Record<string, unknown>;

export function computeMentions(body: Json): Mentions {
  const content = typeof body.content === "string" ? body.content : "";
  const allowed = (body.allowed_mentions ?? { parse: ["users", "roles", "everyone"] }) as {
    parse?: string[];
    users?: string[];
    roles?: string[];
  };
  const parse = new Set(allowed.parse ?? []);
  // A backslash in front (`\<@1>`) makes Discord show the text instead of a mention.
  const ids = (pattern: RegExp) => [...content.matchAll(pattern)].map((m) => m[1] ?? "");
  const users = ids(/(?<!\\)<@!?(\d{17,20})>/g).filter(
    (id) => parse.has("users") || allowed.users?.includes(id),
  );
  const roles = ids(/(?<!\\)<@&(\d{17,20})>/g).filter(
    (id) => parse.has("roles") || allowed.roles?.includes(id),
  );
  const everyone = parse.has("everyone") && /(?<!\\)@(everyone|here)\b/.test(content);
  return { everyone, users, roles };
}

export function pinged(message: StoredMessage): boolean {
  const { everyone, users, roles } = message.mentions;
  return everyone || users.length > 0 || roles.length > 0;
}

export function createMessage(
  state: FakeState,
  channelId: string,
  guildId: string | null,
  body: Json,
  extra: { interactionId?: string; flags?: number; type?: number } = {},
): StoredMessage {
  const id = snowflake();
  const mentions = computeMentions(body);
  const message: StoredMessage = {
    id,
    channelId,
    guildId,
    body,
    nonce: body.nonce as string | number | undefined,
    createdAt: Date.now(),
    mentions,
    interactionId: extra.interactionId,
    json: {},
  };
  message.json = messageJson(state, message, extra.flags ?? 0, extra.type ?? 0);
  state.messages.push(message);
  return message;
}

export function editMessage(state: FakeState, message: StoredMessage, patch: Json): void {
  message.body = { ...message.body, ...patch };
  message.mentions = computeMentions(message.body);
  message.json = {
    ...messageJson(state, message, Number(message.json.flags ?? 0), Number(message.json.type ?? 0)),
    edited_timestamp: new Date().toISOString(),
  };
}

function messageJson(state: FakeState, message: StoredMessage, flags: number, type: number): Json {
  const body = message.body;
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(message.guildId ? { guild_id: message.guildId } : {}),
    type,
    content: typeof body.content === "string" ? body.content : "",
    author: state.botUserJson(),
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: message.mentions.everyone,
    mentions: message.mentions.users.map((id) => ({
      id,
      username: `user${id.slice(-4)}`,
      discriminator: "0",
    })),
    mention_roles: message.mentions.roles,
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    flags,
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    ...(message.interactionId
      ? { webhook_id: state.applicationId, application_id: state.applicationId }
      : {}),
  };
}
