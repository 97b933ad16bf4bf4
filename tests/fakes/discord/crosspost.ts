/**
 * Publishing a message of an announcement channel to the channels following it (POST
 * /channels/{id}/messages/{id}/crosspost), as Discord answers it: only in an announcement channel, once
 * per message, the bot's own messages with Send Messages (others' need Manage Messages too), and at most
 * ~10 an hour per channel (limits.ts: observed, not documented).
 */
import { ChannelType, PermissionFlagsBits } from "discord.js";
import type { Reply } from "./handlers.ts";
import type { Route } from "./rest.ts";
import type { FakeState } from "./state.ts";
import { permissionsIn } from "./world.ts";

const CROSSPOSTED = 1;

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });

function publish(state: FakeState, channelId: string, messageId: string): Reply {
  const found = state.channel(channelId);
  if (!found) return error(404, 10003, "Unknown Channel");
  const { guild, channel } = found;
  const perms = guild.botPresent ? permissionsIn(guild, channel, state.bot.id) : 0n;
  if (!(perms & PermissionFlagsBits.ViewChannel)) return error(403, 50001, "Missing Access");
  const message = state.messages.find((m) => m.id === messageId && m.channelId === channelId && !m.deleted);
  if (!message) return error(404, 10008, "Unknown Message");
  if (channel.type !== ChannelType.GuildAnnouncement)
    return error(400, 50024, "Cannot execute action on this channel type");
  // Every message the fake stores in a channel is the bot's own: Send Messages is enough.
  if (!(perms & PermissionFlagsBits.SendMessages)) return error(403, 50013, "Missing Permissions");
  const flags = Number(message.json.flags ?? 0);
  if (flags & CROSSPOSTED) return error(400, 40033, "This message has already been crossposted.");
  message.json.flags = flags | CROSSPOSTED;
  message.crossposted = true;
  return { status: 200, body: message.json };
}

export const crosspostRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/,
    route: "POST /channels/:id/messages/:id/crosspost",
    handle: (state, [channelId = "", messageId = ""]) => publish(state, channelId, messageId),
  },
];
