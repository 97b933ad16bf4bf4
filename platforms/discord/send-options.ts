/**
 * A subscription's post options on Discord (core/post-options.ts): the one role it mentions, silent posts
 * and publishing to following servers. Every other message the bot sends pings nobody
 * (`allowed_mentions: { parse: [] }`, render-payload.ts); a daily post with a role pings exactly that role,
 * never @everyone, @here or a user, whatever its text says.
 */
import {
  DiscordAPIError,
  MessageFlags,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import type { PostOptions } from "../../src/core/post-options.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { isSnowflake } from "./ids.ts";
import { CONTENT_MAX } from "./render.ts";
import { clip } from "./text.ts";

/**
 * The body with the options applied: the role's mention first in the content (`<@&id>`, which Discord
 * shows as the role's name) and allowed to ping that role only; SUPPRESS_NOTIFICATIONS when silent.
 * A role id that is not a snowflake (typed on another platform, or damaged) mentions nobody.
 */
export function withPostOptions(
  body: RESTPostAPIChannelMessageJSONBody,
  options: PostOptions | undefined,
): RESTPostAPIChannelMessageJSONBody {
  if (!options) return body;
  const next: RESTPostAPIChannelMessageJSONBody = { ...body };
  const role = options.mentionRole;
  if (role && isSnowflake(role)) {
    const mention = `<@&${role}>`;
    const text = body.content ? `\n${clip(body.content, CONTENT_MAX - mention.length - 1)}` : "";
    next.content = `${mention}${text}`;
    next.allowed_mentions = { parse: [], roles: [role] };
  }
  if (options.silent) next.flags = (body.flags ?? 0) | MessageFlags.SuppressNotifications;
  return next;
}

/**
 * Publishes a just-sent post to the servers following its announcement channel (POST
 * /channels/{id}/messages/{id}/crosspost). A bot may publish its own messages with Send Messages alone
 * (others' need Manage Messages). Best effort: the post is out either way, so a refusal (not an
 * announcement channel any more, already published after a resend, Discord's ~10 an hour per channel) is
 * logged and never fails the delivery.
 */
export async function crosspost(
  rest: REST,
  logger: Logger,
  ref: { channelId: string; messageId: string },
): Promise<boolean> {
  try {
    await rest.post(Routes.channelMessageCrosspost(ref.channelId, ref.messageId));
    return true;
  } catch (error) {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    logger.warn({ ref, code, err: error }, "discord: could not publish the post to following servers");
    return false;
  }
}
