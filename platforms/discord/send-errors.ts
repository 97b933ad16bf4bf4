/**
 * What a failed Discord request means for delivery, as typed values: the core's result, and whether
 * Discord said the channel itself is gone (read from its numeric JSON error code, never from the text).
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from "discord.js";
import { neverSentCode } from "../../src/core/network-failure.ts";
import type { SendResult } from "../../src/core/platform.ts";

export type SendFailure = Exclude<SendResult, { kind: "sent" } | { kind: "moved" }>;

export interface DiscordFailure {
  result: SendFailure;
  /**
   * The channel or the bot's place in it is gone (Unknown Channel, Missing Access, …): the post is
   * permanent, and a moderator notice there would be one more refused request counted towards the ban.
   */
  channelGone: boolean;
}

/** The channel or the bot's place in it is gone: retrying cannot help until a human acts. */
const CHANNEL_GONE = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.UnknownGuild,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.InvalidActionOnArchivedThread,
]);

const failure = (result: SendFailure, channelGone = false): DiscordFailure => ({ result, channelGone });

export function classifyDiscordError(error: unknown): DiscordFailure {
  if (error instanceof RateLimitError) {
    // Raised only when the wait is longer than we agreed to sit out inside @discordjs/rest.
    const scope = error.global ? "global" : error.scope;
    return failure({
      kind: "transient",
      reason: `rate limited (${scope}) on ${error.route}`,
      retryAfterMs: Math.ceil(error.retryAfter),
    });
  }
  if (error instanceof DiscordAPIError) {
    const reason = `${error.status} ${error.code}: ${error.message}`;
    if (typeof error.code === "number" && CHANNEL_GONE.has(error.code)) {
      return failure({ kind: "permanent", reason }, true);
    }
    // 401: the token, not the channel; @discordjs/rest drops the token, so later calls fail locally
    // instead of adding invalid requests. 408/409/429: timing, worth another try later.
    if ([401, 408, 409, 429].includes(error.status)) return failure({ kind: "transient", reason });
    if (error.status >= 500) return failure({ kind: "uncertain", reason });
    // Anything else in 4xx (e.g. 50035 Invalid Form Body) is about this message, not the channel: the
    // same body would be refused again, and pausing every channel for our bug would be wrong.
    return failure({ kind: "rejected", reason });
  }
  // A 5xx after the library's own retry may have created the message (a gateway timeout, say): the
  // resend must come soon, inside the nonce's window, so it is uncertain rather than transient.
  if (error instanceof HTTPError) {
    const reason = `${error.status} from Discord`;
    return failure(error.status >= 500 ? { kind: "uncertain", reason } : { kind: "transient", reason });
  }
  const message = error instanceof Error ? error.message : String(error);
  // A timeout or a connection dropped mid-request may have posted; a refused connection cannot have.
  if (neverSentCode(error)) return failure({ kind: "transient", reason: `network: ${message}` });
  return failure({ kind: "uncertain", reason: `network: ${message}` });
}
