/**
 * How a reply names the place a command came from. A person in a one-to-one chat with the bot is not in a
 * channel, and "this channel" there reads as if the bot had lost track of where it is.
 */
import type { CommandInvocation } from "./command.ts";

export function thisPlace(invocation: Pick<CommandInvocation, "privateChat">): "this chat" | "this channel" {
  return invocation.privateChat ? "this chat" : "this channel";
}
