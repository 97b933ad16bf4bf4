/**
 * The bot's own access to a channel, as the platform reports it when it changes (Telegram's
 * `my_chat_member`): losing it pauses the channel's subscription with one of these reasons, and getting it
 * back resumes the subscription only when it was paused for one of them. A pause for any other reason (a
 * moderator's, the staff panel's, a delivery error's) is never lifted by a platform event.
 */
import type { Subscription } from "./ports/subscriptions.ts";

/** How the bot lost the right to post: removed, no longer an administrator, or its post right turned off. */
export type AccessLoss = "removed" | "not-admin" | "cannot-post";

/** A change in the bot's access, as an adapter reads it from the platform's event. */
export type AccessChange = { kind: "lost"; loss: AccessLoss } | { kind: "restored" };

/** Stored as the subscription's `pausedReason` (English, like a platform's own reasons), and matched on resume. */
const REASONS: ReadonlyMap<AccessLoss, string> = new Map<AccessLoss, string>([
  ["removed", "the bot was removed from the chat"],
  ["not-admin", "the bot is no longer an administrator of the channel, and only administrators post there"],
  ["cannot-post", "the bot's right to post messages in the channel was turned off"],
]);

export function accessLostReason(loss: AccessLoss): string {
  return REASONS.get(loss)!;
}

/** Whether the subscription is paused because the bot lost its access (so getting it back resumes it). */
export function pausedForAccess(subscription: Pick<Subscription, "state" | "pausedReason">): boolean {
  if (subscription.state !== "paused" || subscription.pausedReason === undefined) return false;
  return [...REASONS.values()].includes(subscription.pausedReason);
}
