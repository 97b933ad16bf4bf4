/**
 * `chat.delete` and `chat.update` on the bot's own messages, answering as Slack documents: `ok` with the
 * channel and ts; `message_not_found` for a ts that is not (or no longer) there; `channel_not_found` for
 * a channel the app cannot see; `cant_update_message` / `cant_delete_message` for someone else's message.
 * A deleted message stays in the fake, marked `deleted`, so a test can see what went.
 */
import type { FakeTeam, PostedMessage } from "./state.ts";
import type { ApiAnswer, ApiWorld } from "./web-api.ts";

type Body = Record<string, unknown>;

const ok = (body: Body): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string): ApiAnswer => ({ status: 200, body: { ok: false, error } });

function ownMessage(world: ApiWorld, team: FakeTeam, body: Body): PostedMessage | ApiAnswer {
  if (!team.scopes.includes("chat:write")) return refuse("missing_scope");
  const channel = world.channels.get(String(body.channel ?? ""));
  if (!channel || channel.teamId !== team.id) return refuse("channel_not_found");
  const message = world.findMessage(channel.id, String(body.ts ?? ""));
  if (!message || message.deleted) return refuse("message_not_found");
  if (message.teamId !== team.id) return refuse("cant_delete_message");
  return message;
}

export function deleteMessage(world: ApiWorld, team: FakeTeam, body: Body): ApiAnswer {
  const message = ownMessage(world, team, body);
  if ("status" in message) return message;
  message.deleted = true;
  return ok({ channel: message.channel, ts: message.ts });
}

export function updateMessage(world: ApiWorld, team: FakeTeam, body: Body): ApiAnswer {
  const message = ownMessage(world, team, body);
  if ("status" in message) return message;
  if (typeof body.text === "string") message.text = body.text;
  // As on Slack: blocks given replace the old ones (an empty list removes them); absent keeps them.
  if (Array.isArray(body.blocks)) message.blocks = body.blocks;
  message.edited = true;
  return ok({ channel: message.channel, ts: message.ts, text: message.text });
}
