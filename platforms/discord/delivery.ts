/**
 * Scheduled posts and moderator notices over REST. `send` never throws: every platform answer becomes
 * sent / transient / uncertain / permanent / rejected. Permanent errors are final after ONE request, because Discord bans bots
 * (at Cloudflare, by IP) that keep making requests it refuses: 10,000 invalid ones per 10 minutes.
 */
import {
  type APIDMChannel,
  type APIMessage,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import type { ChannelRef } from "../../src/core/channel.ts";
import { neverSentCode } from "../../src/core/network-failure.ts";
import type { NoticeResult, OutboundPost, PrivateNotice, SendResult } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports.ts";
import { decodeChannel, isSnowflake } from "./ids.ts";
import { channelMessage } from "./payload.ts";
import { CONTENT_MAX, renderPost } from "./render.ts";
import { DEFAULT_TUNING, type DiscordTuning, restOptions } from "./rest-policy.ts";
import { clip, escapeText } from "./text.ts";

/** The channel or the bot's place in it is gone: retrying cannot help until a human acts. */
const CHANNEL_GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
]);

/** Matches the reason `classify` gives for a CHANNEL_GONE code ("404 10003: Unknown Channel"). */
const CHANNEL_GONE_REASON = new RegExp(`^\\d+ (${[...CHANNEL_GONE].join("|")}):`);

export interface Delivery {
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  notify(channel: ChannelRef, text: string): Promise<void>;
  notifyPrivately(notice: PrivateNotice): Promise<NoticeResult>;
}

export function createDelivery(rest: REST, logger: Logger): Delivery {
  // Channels whose last post was refused as gone: a notice there would be one more invalid request
  // counted towards Discord's ban limit, and could not arrive anyway.
  const gone = new Set<string>();
  return {
    async send(channel, outbound) {
      const target = decodeChannel(channel);
      if (!target) return { kind: "permanent", reason: `not a Discord channel reference: ${channel}` };
      const result = await postToChannel(rest, target.channelId, outbound);
      if (result.kind === "permanent" && CHANNEL_GONE_REASON.test(result.reason)) gone.add(channel);
      else gone.delete(channel);
      if (result.kind !== "sent") logger.warn({ channel, result }, "discord post failed");
      return result;
    },
    async notify(channel, text) {
      const target = decodeChannel(channel);
      if (!target) return;
      if (gone.has(channel)) {
        logger.warn({ channel }, "no moderator notice: the bot can no longer post in that channel");
        return;
      }
      const result = await postToChannel(rest, target.channelId, text);
      // A notice is best effort: the reason is also recorded with the subscription.
      if (result.kind !== "sent") logger.warn({ channel, result }, "discord moderator notice failed");
    },
    /**
     * A DM to one member: `POST /users/@me/channels` with `recipient_id` opens (or returns) the DM channel,
     * then one message in it. Discord refuses that message with 50007 when the member takes no DMs from
     * the bot (blocked it, or no DMs from server members) and 50278 when they share no server with it any
     * more; each refusal counts towards the ban limit, so one try only.
     */
    async notifyPrivately({ userId, channel, text }) {
      const target = decodeChannel(channel);
      if (!target) return { delivered: false, reason: `not a Discord channel reference: ${channel}` };
      if (!isSnowflake(userId)) return { delivered: false, reason: `not a Discord user id: ${userId}` };
      let dm: APIDMChannel;
      try {
        dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
      } catch (error) {
        return notDelivered(logger, channel, classify(error));
      }
      if (dm.id === target.channelId) return { delivered: false, reason: "the DM is the failed channel" };
      const content = `About <#${target.channelId}>:\n${escapeText(text)}`;
      const result = await postBody(rest, dm.id, noticeBody(content));
      return result.kind === "sent" ? { delivered: true } : notDelivered(logger, channel, result);
    },
  };
}

function notDelivered(logger: Logger, channel: ChannelRef, result: SendResult): NoticeResult {
  const reason = "reason" in result ? result.reason : result.kind;
  logger.warn({ channel, reason }, "discord: could not message a moderator privately");
  return { delivered: false, reason };
}

/** A short notice; `content` is already escaped, since a notice may carry a mention of our own making. */
function noticeBody(content: string) {
  return channelMessage({
    content: clip(content, CONTENT_MAX),
    embeds: [],
    components: [],
    visibility: "public",
  });
}

/**
 * One message to a channel by its id: a scheduled post (the card, deduped by its nonce) or a short plain
 * notice (no nonce: notices are rare and a duplicate one is harmless).
 */
export async function postToChannel(
  rest: REST,
  channelId: string,
  message: OutboundPost | string,
): Promise<SendResult> {
  const body =
    typeof message === "string"
      ? noticeBody(escapeText(message))
      : channelMessage(renderPost(message), message.idempotencyKey);
  return postBody(rest, channelId, body);
}

async function postBody(
  rest: REST,
  channelId: string,
  body: RESTPostAPIChannelMessageJSONBody,
): Promise<SendResult> {
  try {
    const sent = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    if ((body.embeds?.length ?? 0) > 0 && sent.embeds.length === 0) {
      // Discord drops embeds it may not show and posts the rest: the card is missing until access is fixed.
      return { kind: "permanent", reason: "the bot lacks Embed Links here, so Discord dropped the card" };
    }
    return { kind: "sent", messageId: sent.id };
  } catch (error) {
    return classify(error);
  }
}

export interface DiscordBenchOptions {
  apiUrl?: string;
  token: string;
  tuning?: DiscordTuning;
}

export type DiscordBenchSender = (channelId: string, message: OutboundPost | string) => Promise<SendResult>;

/**
 * For the fan-out benchmark: the adapter's own posting path (render, nonce, @discordjs/rest with the
 * adapter's REST policy, error mapping) on a bare REST client, so no gateway session and no ChannelRefs.
 */
export function createDiscordBenchSender(options: DiscordBenchOptions): DiscordBenchSender {
  const rest = new REST(restOptions(options.apiUrl, { ...DEFAULT_TUNING, ...options.tuning }));
  rest.setToken(options.token);
  return (channelId, message) => postToChannel(rest, channelId, message);
}

export function classify(error: unknown): SendResult {
  if (error instanceof RateLimitError) {
    // Raised only when the wait is longer than we agreed to sit out inside @discordjs/rest.
    const scope = error.global ? "global" : error.scope;
    return {
      kind: "transient",
      reason: `rate limited (${scope}) on ${error.route}`,
      retryAfterMs: Math.ceil(error.retryAfter),
    };
  }
  if (error instanceof DiscordAPIError) {
    const reason = `${error.status} ${error.code}: ${error.message}`;
    if (typeof error.code === "number" && CHANNEL_GONE.has(error.code)) return { kind: "permanent", reason };
    // 401: the token, not the channel; @discordjs/rest drops the token, so later calls fail locally
    // instead of adding invalid requests. 408/409/429: timing, worth another try later.
    if ([401, 408, 409, 429].includes(error.status)) return { kind: "transient", reason };
    if (error.status >= 500) return { kind: "uncertain", reason };
    // Anything else in 4xx (e.g. 50035 Invalid Form Body) is about this message, not the channel: the
    // same body would be refused again, and pausing every channel for our bug would be wrong.
    return { kind: "rejected", reason };
  }
  // A 5xx after the library's own retry may have created the message (a gateway timeout, say): the
  // resend must come soon, inside the nonce's window, so it is uncertain rather than transient.
  if (error instanceof HTTPError) {
    const reason = `${error.status} from Discord`;
    return error.status >= 500 ? { kind: "uncertain", reason } : { kind: "transient", reason };
  }
  const message = error instanceof Error ? error.message : String(error);
  // A timeout or a connection dropped mid-request may have posted; a refused connection cannot have.
  if (neverSentCode(error)) return { kind: "transient", reason: `network: ${message}` };
  return { kind: "uncertain", reason: `network: ${message}` };
}
