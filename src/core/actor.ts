/**
 * Who did something, as subscriptions, spotlights and the audit log record it: `<platform>:<user id>` for a
 * person on a chat platform (`slack:U024BE7LH`, `telegram:42`), a bare word for the app itself (`delivery`,
 * `discord`) or a command-line actor. One home for writing and reading it, so that a notice can find the
 * person again.
 */
import type { Platform } from "./channel.ts";

/** The person who sent a command, as an actor. */
export function actorOf(invocation: { platform: Platform; caller: { id: string } }): string {
  return `${invocation.platform}:${invocation.caller.id}`;
}

/**
 * The user id of a person on `platform`; undefined for anyone else: another platform, the app itself, or
 * an actor recorded some other way (an import, a test).
 */
export function userIdOnPlatform(actor: string, platform: Platform): string | undefined {
  const prefix = `${platform}:`;
  if (!actor.startsWith(prefix)) return undefined;
  const id = actor.slice(prefix.length);
  return id.length > 0 && !/\s/.test(id) ? id : undefined;
}
