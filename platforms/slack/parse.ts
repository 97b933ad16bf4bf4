/**
 * Incoming Slack requests → CommandInvocation: a slash command, or a click on a choice button (which
 * re-runs a command with the choice made). Pure; undefined when the request does not carry what we need.
 *
 * No member language: Slack sends none with a slash command or a button click. `users.info` with
 * `include_locale` would tell it, at one Web API call per person (Tier 4) before every answer; until
 * that is worth it, a Slack reply is in the channel's language.
 */
import type { CommandInvocation } from "../../src/core/command.ts";
import { decodeChoiceValue } from "./actions.ts";
import { encodeChannelRef, encodeCommunityRef, isDirectMessage, isSlackId } from "./ids.ts";

/** Whether a user moderates a workspace: asked only by moderator commands, since it costs a Web API call. */
export type ModeratorCheck = (teamId: string, userId: string) => Promise<boolean>;

/** The fields of a slash command body we read (Bolt's `SlashCommand` has them all). */
export interface SlashCommandBody {
  command: string;
  text?: string;
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
}

/** The fields of a `block_actions` payload we read. */
export interface ChoiceActionBody {
  team: { id: string } | null;
  user: { id: string; username?: string; name?: string; team_id?: string };
  channel?: { id: string };
  container?: { channel_id?: string };
}

/** Slack sends `&`, `<` and `>` in slash command text as HTML entities; commands want what was typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function parseSlashCommand(
  body: SlashCommandBody,
  isModerator: ModeratorCheck,
): CommandInvocation | undefined {
  const command = body.command.replace(/^\//, "").toLowerCase();
  if (!command) return undefined;
  return invocation(body.team_id, body.channel_id, body.user_id, body.user_name, {
    command,
    text: unescapeSlackText(body.text ?? "").trim(),
    isModerator,
  });
}

/**
 * A choice button's click as the command it stands for. `knownCommands` guards against a value naming a
 * command we do not have (the value went through a client).
 */
export function parseChoiceAction(
  body: ChoiceActionBody,
  value: string | undefined,
  knownCommands: ReadonlySet<string>,
  isModerator: ModeratorCheck,
): CommandInvocation | undefined {
  const choice = decodeChoiceValue(value);
  if (!choice || !knownCommands.has(choice.command)) return undefined;
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = body.channel?.id ?? body.container?.channel_id;
  if (teamId === undefined || channelId === undefined) return undefined;
  const parsed = invocation(teamId, channelId, body.user.id, body.user.username ?? body.user.name, {
    command: choice.command,
    text: choice.args,
    isModerator,
  });
  // A press on our own button, counted as one (src/services/press-count.ts).
  return parsed && { ...parsed, via: "button" };
}

function invocation(
  teamId: string,
  channelId: string,
  userId: string,
  userName: string | undefined,
  what: { command: string; text: string; isModerator: ModeratorCheck },
): CommandInvocation | undefined {
  if (!isSlackId(teamId) || !isSlackId(channelId) || !isSlackId(userId)) return undefined;
  return {
    command: what.command,
    text: what.text,
    platform: "slack",
    channel: encodeChannelRef(teamId, channelId),
    community: encodeCommunityRef(teamId),
    ...(isDirectMessage(channelId) ? { privateChat: true } : {}),
    caller: {
      id: userId,
      ...(userName ? { name: userName } : {}),
      isModerator: () => what.isModerator(teamId, userId),
    },
  };
}
