/**
 * REST handlers for the bot's own calls: application commands, the application, and channel messages
 * (permissions, validation, nonce dedupe), DMs included (direct-messages.ts says when Discord refuses one).
 */
import { PermissionFlagsBits } from "discord.js";
import { dmRecipient, refuseDirectMessage } from "./direct-messages.ts";
import { createMessage } from "./messages.ts";
import type { Route } from "./rest.ts";
import { snowflake } from "./snowflake.ts";
import type { FakeState } from "./state.ts";
import { FormErrors, validateCommands, validateMessage } from "./validate.ts";
import { permissionsIn } from "./world.ts";

type Json = Record<string, unknown>;

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });
const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null ? (value as Json) : {};

export function hasContent(body: Json): boolean {
  const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    (typeof body.content === "string" && body.content.trim().length > 0) ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components)
  );
}

/** 50035 with the error tree, 50006 for an empty message, or undefined when Discord would accept it. */
export function refuseMessage(body: Json): Reply | undefined {
  const errors = new FormErrors();
  validateMessage(body, errors);
  if (!errors.empty) return { status: 400, body: errors.body() };
  if (!hasContent(body)) return error(400, 50006, "Cannot send an empty message");
  return undefined;
}

function applicationJson(state: FakeState) {
  return {
    id: state.applicationId,
    name: state.bot.username,
    flags: 0,
    bot_public: true,
    bot: state.botUserJson(),
  };
}

export const commandRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/applications\/@me$/,
    route: "GET /applications/@me",
    handle: (state) => ({ status: 200, body: applicationJson(state) }),
  },
  {
    method: "GET",
    pattern: /^\/applications\/(\d+)\/commands$/,
    route: "GET /applications/:id/commands",
    handle: (state) => ({ status: 200, body: state.commands.map((c) => c.json) }),
  },
  {
    method: "PUT",
    pattern: /^\/applications\/(\d+)\/commands$/,
    route: "PUT /applications/:id/commands",
    handle: (state, [appId], request) => {
      if (appId !== state.applicationId) return error(403, 50001, "Missing Access");
      const errors = new FormErrors();
      validateCommands(request.body, errors);
      if (!errors.empty) return { status: 400, body: errors.body() };
      const previous = new Map(state.commands.map((c) => [c.name, c.id]));
      // A bulk overwrite replaces the set; commands keeping their name keep their id.
      const next = (request.body as Json[]).map((command) => {
        const id = previous.get(String(command.name)) ?? snowflake();
        const json = {
          ...command,
          id,
          application_id: state.applicationId,
          version: snowflake(),
          type: command.type ?? 1,
        };
        return { id, name: String(command.name), json };
      });
      state.commands.splice(0, state.commands.length, ...next);
      return { status: 200, body: next.map((c) => c.json) };
    },
  },
];

export const channelRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/channels\/(\d+)\/messages$/,
    route: "POST /channels/:id/messages",
    handle: (state, [channelId = ""], request) => {
      const found = state.channel(channelId);
      if (!found) return directMessage(state, channelId, asObject(request.body));
      const { guild, channel } = found;
      const perms = guild.botPresent ? permissionsIn(guild, channel, state.bot.id) : 0n;
      if (!(perms & PermissionFlagsBits.ViewChannel)) return error(403, 50001, "Missing Access");
      if (!(perms & PermissionFlagsBits.SendMessages)) return error(403, 50013, "Missing Permissions");
      const sent = asObject(request.body);
      const refused = refuseMessage(sent);
      if (refused) return refused;
      // As on Discord: without Embed Links the embeds are silently dropped, and a message left empty fails.
      const body = perms & PermissionFlagsBits.EmbedLinks ? sent : { ...sent, embeds: [] };
      if (!body.content && (body.embeds as unknown[] | undefined)?.length === 0) {
        return error(400, 50006, "Cannot send an empty message");
      }
      const flagsRefused = refuseFlags(body.flags);
      if (flagsRefused) return flagsRefused;
      if (body.enforce_nonce === true && body.nonce !== undefined) {
        const since = Date.now() - state.nonceWindowMs;
        const earlier = state.messages.find(
          (m) =>
            m.channelId === channelId && m.nonce === body.nonce && m.createdAt >= since && !m.interactionId,
        );
        if (earlier) return { status: 200, body: earlier.json };
      }
      const flags = Number(body.flags ?? 0);
      const message = createMessage(state, channelId, guild.id, body, { flags });
      // As on Discord: a role not open to mentions is pinged only by a sender with Mention Everyone.
      const mayMentionAll = (perms & PermissionFlagsBits.MentionEveryone) !== 0n;
      message.mentions.roles = message.mentions.roles.filter(
        (id) => mayMentionAll || guild.roles.find((r) => r.id === id)?.mentionable === true,
      );
      return { status: 200, body: message.json };
    },
  },
];

/** Create Message takes only these flags: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, voice, components v2. */
const SETTABLE_FLAGS = 4 | 4096 | 8192 | 32768;

function refuseFlags(flags: unknown): Reply | undefined {
  if (flags === undefined || flags === null) return undefined;
  if (typeof flags === "number" && Number.isInteger(flags) && (flags & ~SETTABLE_FLAGS) === 0)
    return undefined;
  const errors = new FormErrors();
  errors.add(["flags"], "MESSAGE_FLAGS_INVALID", "Invalid flags for a new message");
  return { status: 400, body: errors.body() };
}

/** A message to a DM channel, or 10003 for an id that is no channel at all (deleted, never existed). */
function directMessage(state: FakeState, channelId: string, body: Json): Reply {
  const recipient = dmRecipient(state, channelId);
  if (!recipient) return error(404, 10003, "Unknown Channel");
  const refused = refuseDirectMessage(state, recipient) ?? refuseMessage(body);
  if (refused) return refused;
  return { status: 200, body: createMessage(state, channelId, null, body).json };
}
