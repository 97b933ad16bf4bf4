/** Ledger rows ↔ the core's DeliveryRow: nulls become absent fields, as the rest of the core expects. */
import type { DeliveryRow } from "../../src/core/delivery.ts";
import type { deliveries } from "../schema/index.ts";

type LedgerRow = typeof deliveries.$inferSelect;

export function toDeliveryRow(row: LedgerRow): DeliveryRow {
  return {
    id: row.id,
    channel: row.channelRef,
    localDate: row.localDate,
    platform: row.platform,
    ...(row.subscriptionId === null ? {} : { subscriptionId: row.subscriptionId }),
    ...(row.spotlightId === null ? {} : { spotlightId: row.spotlightId }),
    campaignId: row.campaignId,
    timezone: row.timezone,
    dueAt: row.dueAt,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    ...(row.profileId === null ? {} : { profileId: row.profileId }),
    ...(row.messageId === null ? {} : { messageId: row.messageId }),
    ...(row.detail === null ? {} : { detail: row.detail }),
    ...(row.sendingSince === null ? {} : { sendingSince: row.sendingSince }),
    ...(row.uncertainSince === null ? {} : { uncertainSince: row.uncertainSince }),
    updatedAt: row.updatedAt,
  };
}

/** The message shown for a row that was being sent when its process died, on a platform that can't dedupe. */
export const UNCERTAIN_AFTER_CRASH =
  "the process sending this post stopped mid-send; it may or may not have been posted, so it is not resent";

/** The same, on a platform that dedupes, found only after its dedupe window had passed. */
export const UNCERTAIN_PAST_DEDUPE_WINDOW =
  "the process sending this post stopped mid-send and the platform's window for dropping a duplicate has " +
  "passed; it may or may not have been posted, so it is not resent";
