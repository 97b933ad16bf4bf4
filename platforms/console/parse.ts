/**
 * Typed lines → command invocations, as a chat platform would send them: `/prisoner mammadov`.
 * The local user is the console channel's moderator.
 */
import { channelRef, communityRef } from "../../src/core/channel.ts";
import type { CommandInvocation } from "../../src/core/command.ts";

export const CONSOLE_CHANNEL = channelRef("console:local");
const CONSOLE_COMMUNITY = communityRef("console:local");

export type ConsoleLine =
  | { kind: "command"; invocation: CommandInvocation }
  | { kind: "quit" }
  | { kind: "empty" }
  | { kind: "not-a-command"; text: string };

export function parseConsoleLine(line: string, user = "local"): ConsoleLine {
  const text = line.trim();
  if (text === "") return { kind: "empty" };
  if (/^\/(quit|exit)$/i.test(text)) return { kind: "quit" };
  const match = /^\/([A-Za-z0-9_-]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return { kind: "not-a-command", text };
  return {
    kind: "command",
    invocation: {
      command: match[1]!.toLowerCase(),
      text: match[2] ?? "",
      platform: "console",
      channel: CONSOLE_CHANNEL,
      community: CONSOLE_COMMUNITY,
      caller: { id: user, name: user, isModerator: async () => true },
    },
  };
}
