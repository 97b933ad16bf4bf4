/**
 * The bot's DMs, as Discord answers them. `POST /users/@me/channels` with `recipient_id` opens the DM
 * channel with a user (the same one every time); it succeeds for anyone Discord knows, and the refusal
 * comes with the message: 403 50007 "Cannot send messages to this user" when the user takes no DMs from
 * the bot (blocked it, or turned off DMs from server members), 403 50278 when they share no server with it
 * any more. A DM with the bot itself is refused when opened (400 50007).
 */
import type { Reply } from "./handlers.ts";
import type { Route } from "./rest.ts";
import { snowflake } from "./snowflake.ts";
import type { FakeState } from "./state.ts";
import { type FakeUser, userJson } from "./world.ts";

const refusal = (status: number, code: number, message: string): Reply => ({
  status,
  body: { code, message },
});

/** Anyone who is (or was) a member of one of the fake's servers. */
function knownUser(state: FakeState, id: string): FakeUser | undefined {
  for (const guild of state.guilds) {
    const member = guild.members.get(id);
    if (member) return member.user;
  }
  return undefined;
}

/** The DM channel with `user`, made on first use (interactions in DMs share it). */
export function dmChannelOf(state: FakeState, user: FakeUser): string {
  let id = state.dmChannels.get(user.id);
  if (!id) {
    id = snowflake();
    state.dmChannels.set(user.id, id);
  }
  return id;
}

/** The user a DM channel is with; undefined for any other id. */
export function dmRecipient(state: FakeState, channelId: string): FakeUser | undefined {
  for (const [userId, id] of state.dmChannels) if (id === channelId) return knownUser(state, userId);
  return undefined;
}

/** Why Discord would refuse a message from the bot to this user; undefined when it would deliver it. */
export function refuseDirectMessage(state: FakeState, user: FakeUser): Reply | undefined {
  if (state.closedDms.has(user.id)) return refusal(403, 50007, "Cannot send messages to this user");
  const mutual = state.guilds.some((g) => g.botPresent && g.members.has(user.id));
  if (!mutual) return refusal(403, 50278, "Cannot send messages to this user");
  return undefined;
}

export const dmRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/users\/@me\/channels$/,
    route: "POST /users/@me/channels",
    handle: (state, _params, request) => {
      const recipient = (request.body as { recipient_id?: unknown } | undefined)?.recipient_id;
      if (typeof recipient !== "string" || !/^\d{17,20}$/.test(recipient)) {
        const errors = {
          recipient_id: { _errors: [{ code: "NUMBER_TYPE_COERCE", message: "Not a snowflake." }] },
        };
        return { status: 400, body: { code: 50035, message: "Invalid Form Body", errors } };
      }
      if (recipient === state.bot.id) return refusal(400, 50007, "Cannot send messages to this user");
      const user = knownUser(state, recipient);
      if (!user) return refusal(404, 10013, "Unknown User");
      const id = dmChannelOf(state, user);
      return {
        status: 200,
        body: { id, type: 1, last_message_id: null, flags: 0, recipients: [userJson(user)] },
      };
    },
  },
];
