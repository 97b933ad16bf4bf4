/**
 * Scheduled posts and moderator notices over REST. `send` never throws: every platform answer becomes
 * sent / transient / uncertain / permanent / rejected (send-errors.ts). Permanent errors are final after
 * ONE request, because Discord bans bots (at Cloudflare, by IP) that keep making requests it refuses:
 * 10,000 invalid ones per 10 minutes.
 */
import { translatorFor } from "../../src/core/i18n/translator.ts";
import {
  type APIDMChannel,
  DiscordAPIError,
  RESTJSONErrorCodes,
  type APIMessage,
  REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import type { ChannelRef } from "../../src/core/channel.ts";
import type {
  MessageRef,
  NoticeResult,
  OutboundPost,
  PrivateNotice,
  SendResult,
} from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import {
  type RetractMode,
  type RetractResult,
  retractFailureOf,
  WITHDRAWN_TEXT,
} from "../../src/core/retraction.ts";
import type { Announcement, EditResult } from "../../src/core/status-update.ts";
import { decodeChannel, isSnowflake } from "./ids.ts";
import { channelMessage } from "./render-payload.ts";
import { renderedOnce } from "../../src/core/rendered-once.ts";
import { CONTENT_MAX, renderPost } from "./render.ts";
import { DEFAULT_TUNING, type DiscordTuning, restOptions } from "./rest-policy.ts";
import { classifyDiscordError } from "./send-errors.ts";
import { crosspost, withPostOptions } from "./send-options.ts";
import { clip, escapeText } from "./text.ts";

/** One request's answer: the result for the core, and whether Discord said the channel itself is gone. */
interface Posted {
  result: SendResult;
  channelGone: boolean;
}

export interface DiscordSender {
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  notify(channel: ChannelRef, text: string): Promise<void>;
  notifyPrivately(notice: PrivateNotice): Promise<NoticeResult>;
  retract(channel: ChannelRef, ref: MessageRef, mode: RetractMode, text?: string): Promise<RetractResult>;
  edit(channel: ChannelRef, ref: MessageRef, post: OutboundPost): Promise<EditResult>;
  announce(channel: ChannelRef, announcement: Announcement): Promise<SendResult>;
}

export function createSender(rest: REST, logger: Logger): DiscordSender {
  // Channels whose last post was refused as gone: a notice there would be one more invalid request
  // counted towards Discord's ban limit, and could not arrive anyway.
  const gone = new Set<string>();
  return {
    async send(channel, outbound) {
      const target = decodeChannel(channel);
      if (!target) return { kind: "permanent", reason: `not a Discord channel reference: ${channel}` };
      const { result, channelGone } = await post(rest, target.channelId, outbound);
      if (channelGone) gone.add(channel);
      else gone.delete(channel);
      if (result.kind !== "sent") logger.warn({ channel, result }, "discord post failed");
      else if (outbound.options?.crosspost && result.messageRef) {
        // A second request against the global limit, paced like the post (rest-policy.ts: makeRequest).
        await crosspost(rest, logger, result.messageRef);
      }
      return result;
    },
    async notify(channel, text) {
      const target = decodeChannel(channel);
      if (!target) return;
      if (gone.has(channel)) {
        logger.warn({ channel }, "no moderator notice: the bot can no longer post in that channel");
        return;
      }
      const { result } = await post(rest, target.channelId, text);
      // A notice is best effort: the reason is also recorded with the subscription.
      if (result.kind !== "sent") logger.warn({ channel, result }, "discord moderator notice failed");
    },
    /**
     * A DM to one member: `POST /users/@me/channels` with `recipient_id` opens (or returns) the DM channel,
     * then one message in it. Discord refuses that message with 50007 when the member takes no DMs from
     * the bot (blocked it, or no DMs from server members) and 50278 when they share no server with it any
     * more; each refusal counts towards the ban limit, so one try only. Two requests, each paced (rest-policy.ts).
     */
    async notifyPrivately({ userId, channel, text, language }) {
      const target = decodeChannel(channel);
      if (!target) return { delivered: false, reason: `not a Discord channel reference: ${channel}` };
      if (!isSnowflake(userId)) return { delivered: false, reason: `not a Discord user id: ${userId}` };
      let dm: APIDMChannel;
      try {
        dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
      } catch (error) {
        return notDelivered(logger, channel, classifyDiscordError(error).result);
      }
      if (dm.id === target.channelId) return { delivered: false, reason: "the DM is the failed channel" };
      // Our own words around the channel link, in the notice's language; the link is Discord's markup.
      const about = translatorFor(language).t("render.aboutChannel", { channel: `<#${target.channelId}>` });
      const content = `${about}\n${escapeText(text)}`;
      const { result } = await postBody(rest, dm.id, noticeBody(content));
      return result.kind === "sent" ? { delivered: true } : notDelivered(logger, channel, result);
    },
    retract: (_channel, ref, mode, text) => retract(rest, logger, ref, mode, text),
    edit: (_channel, ref, outbound) => edit(rest, logger, ref, outbound),
    async announce(channel, announcement) {
      const target = decodeChannel(channel);
      if (!target) return { kind: "permanent", reason: `not a Discord channel reference: ${channel}` };
      // `<url>`: Discord shows the link without an embed of the page.
      const content = clip(`${escapeText(announcement.text)}\n<${announcement.url}>`, CONTENT_MAX);
      const body = channelMessage(
        { content, embeds: [], components: [], visibility: "public" },
        announcement.idempotencyKey,
      );
      const { result } = await postBody(rest, target.channelId, body);
      if (result.kind !== "sent") logger.warn({ channel, result }, "discord announcement failed");
      return result;
    },
  };
}

/**
 * PATCH `/channels/{id}/messages/{id}` with the post rendered as `send` renders it (a status update): the
 * same content, embed and buttons, no nonce, nobody mentioned.
 */
async function edit(
  rest: REST,
  logger: Logger,
  ref: MessageRef,
  outbound: OutboundPost,
): Promise<EditResult> {
  const { nonce: _nonce, enforce_nonce: _enforce, ...body } = channelMessage(renderPost(outbound));
  try {
    await rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body });
    return { kind: "edited" };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) {
      return { kind: "gone", reason: `${error.status} ${error.code}: ${error.message}` };
    }
    const result = retractFailureOf(classifyDiscordError(error).result);
    logger.warn({ ref, result }, "discord: update edit failed");
    return result as EditResult;
  }
}

/**
 * DELETE or PATCH `/channels/{id}/messages/{id}`: a bot may delete or edit its own messages at any age.
 * Unknown Message (10008) means someone deleted it already. The edit leaves only the withdrawn text (in
 * the channel's language; WITHDRAWN_TEXT by default): no embed, no buttons, no mention.
 */
async function retract(
  rest: REST,
  logger: Logger,
  ref: MessageRef,
  mode: RetractMode,
  text: string = WITHDRAWN_TEXT,
): Promise<RetractResult> {
  const route = Routes.channelMessage(ref.channelId, ref.messageId);
  try {
    if (mode === "delete") {
      await rest.delete(route);
      return { kind: "deleted" };
    }
    const body = { content: text, embeds: [], components: [], allowed_mentions: { parse: [] } };
    await rest.patch(route, { body });
    return { kind: "edited" };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) {
      return { kind: "gone", reason: `${error.status} ${error.code}: ${error.message}` };
    }
    const result = retractFailureOf(classifyDiscordError(error).result);
    logger.warn({ ref, mode, result }, "discord: retraction failed");
    return result;
  }
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

/** A day's post is the same for every channel that gets it: rendered once (core/rendered-once.ts). */
const renderPostOnce = renderedOnce(renderPost);

/**
 * One message to a channel by its id: a scheduled post (the card, deduped by its nonce) or a short plain
 * notice (no nonce: notices are rare and a duplicate one is harmless).
 */
async function post(rest: REST, channelId: string, message: OutboundPost | string): Promise<Posted> {
  const body =
    typeof message === "string"
      ? noticeBody(escapeText(message))
      : withPostOptions(channelMessage(renderPostOnce(message), message.idempotencyKey), message.options);
  return postBody(rest, channelId, body);
}

async function postBody(
  rest: REST,
  channelId: string,
  body: RESTPostAPIChannelMessageJSONBody,
): Promise<Posted> {
  let sent: APIMessage;
  try {
    sent = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
  } catch (error) {
    return classifyDiscordError(error);
  }
  if ((body.embeds?.length ?? 0) > 0 && sent.embeds.length === 0) {
    // Discord drops embeds it may not show and posts the rest: the card is missing until access is fixed.
    const reason = "the bot lacks Embed Links here, so Discord dropped the card";
    return { result: { kind: "permanent", reason }, channelGone: false };
  }
  const messageRef = { channelId: sent.channel_id, messageId: sent.id };
  return { result: { kind: "sent", messageId: sent.id, messageRef }, channelGone: false };
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
  return async (channelId, message) => (await post(rest, channelId, message)).result;
}
