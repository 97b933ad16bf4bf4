/**
 * How a reply names the place a command came from. A person in a one-to-one chat with the bot is not in a
 * channel, and "this channel" there reads as if the bot had lost track of where it is. The value picks the
 * branch of a message's `{place, select, chat {…} other {…}}`, in every language.
 */
import type { CommandInvocation } from "./command.ts";

export function thisPlace(invocation: Pick<CommandInvocation, "privateChat">): "chat" | "channel" {
  return invocation.privateChat ? "chat" : "channel";
}
