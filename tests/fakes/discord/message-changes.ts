/**
 * Deleting and editing the bot's own channel messages, as Discord documents them: a bot may delete or
 * edit its own message at any age (no Manage Messages needed for its own); Unknown Message (10008) for one
 * that is not there; Unknown Channel (10003) for a deleted channel; Missing Access (50001) where the bot
 * cannot see the channel. A deleted message stays in the state, marked `deleted` (as interaction answers are).
 */
import { PermissionFlagsBits } from "discord.js";
import type { Reply } from "./handlers.ts";
import { editMessage } from "./messages.ts";
import type { Route } from "./rest.ts";
import type { FakeState, StoredMessage } from "./state.ts";
import { permissionsIn } from "./world.ts";

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });

function findOwnMessage(
  state: FakeState,
  channelId: string,
  messageId: string,
): { message: StoredMessage } | { refused: Reply } {
  const found = state.channel(channelId);
  if (!found) return { refused: error(404, 10003, "Unknown Channel") };
  const perms = found.guild.botPresent ? permissionsIn(found.guild, found.channel, state.bot.id) : 0n;
  if (!(perms & PermissionFlagsBits.ViewChannel)) return { refused: error(403, 50001, "Missing Access") };
  const message = state.messages.find((m) => m.channelId === channelId && m.id === messageId && !m.deleted);
  if (!message) return { refused: error(404, 10008, "Unknown Message") };
  return { message };
}

export const messageChangeRoutes: Route[] = [
  {
    method: "DELETE",
    pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
    route: "DELETE /channels/:id/messages/:id",
    handle: (state, [channelId = "", messageId = ""]) => {
      const found = findOwnMessage(state, channelId, messageId);
      if ("refused" in found) return found.refused;
      found.message.deleted = true;
      return { status: 204 };
    },
  },
  {
    method: "PATCH",
    pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/,
    route: "PATCH /channels/:id/messages/:id",
    handle: (state, [channelId = "", messageId = ""], request) => {
      const found = findOwnMessage(state, channelId, messageId);
      if ("refused" in found) return found.refused;
      editMessage(state, found.message, (request.body ?? {}) as Record<string, unknown>);
      return { status: 200, body: found.message.json };
    },
  },
];
