/**
 * A rendered message → what discord.js (interactions) or the REST API (channel posts) takes. Every body
 * carries `allowed_mentions: { parse: [] }`: whatever the text says, nobody is pinged.
 */
import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import { createHash } from "node:crypto";
import type { RenderedMessage } from "./render.ts";

export const NO_MENTIONS = { parse: [] as [] };

/** Discord's limit on a message nonce. */
export const NONCE_MAX = 25;

/**
 * How long after a post a resend with its nonce is still dropped. Discord checks "the past few minutes"
 * without a number; two minutes stays well inside that.
 */
export const NONCE_WINDOW_MS = 120_000;

export function interactionReply(body: RenderedMessage): InteractionReplyOptions {
  return {
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    allowedMentions: NO_MENTIONS,
    flags: body.visibility === "private" ? MessageFlags.Ephemeral : undefined,
  };
}

/** Editing a deferred reply: its visibility was fixed when it was deferred. */
export function interactionEdit(body: RenderedMessage): InteractionEditReplyOptions {
  return {
    content: body.content ?? null,
    embeds: body.embeds,
    components: body.components,
    allowedMentions: NO_MENTIONS,
  };
}

/** A channel post that Discord dedupes: the same nonce within its window returns the first message. */
export function channelMessage(
  body: RenderedMessage,
  idempotencyKey?: string,
): RESTPostAPIChannelMessageJSONBody {
  const message: RESTPostAPIChannelMessageJSONBody = {
    content: body.content,
    embeds: body.embeds,
    components: body.components,
    allowed_mentions: NO_MENTIONS,
  };
  if (idempotencyKey) {
    message.nonce = nonceFor(idempotencyKey);
    message.enforce_nonce = true;
  }
  return message;
}

/**
 * The key itself when it fits (the core promises ≤ 25 characters); otherwise a stable digest of it, so
 * an over-long key still dedupes instead of being refused by Discord.
 */
export function nonceFor(key: string): string {
  if (key.length > 0 && key.length <= NONCE_MAX) return key;
  return createHash("sha256").update(key).digest("base64url").slice(0, NONCE_MAX);
}
