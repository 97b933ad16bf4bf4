/**
 * The delivery log as staff read it (the panel's Deliveries page and its CSV): the ledger's rows, newest
 * first, filtered and paged in the database, and per-day figures for the charts. Read-only: the ledger
 * itself (src/core/delivery.ts) is the only writer.
 */
import type { ChannelRef } from "../channel.ts";
import type { DeliveryState } from "../delivery.ts";
import type { MessageRef } from "../platform.ts";
import type { RetractionState } from "../retraction.ts";
import type { UpdateState } from "../status-update.ts";

export interface DeliveryLogFilter {
  platform?: string;
  profileId?: string;
  state?: DeliveryState;
  /** Local dates, inclusive. */
  from?: string;
  to?: string;
}

export interface DeliveryLogRow {
  id: number;
  localDate: string;
  dueAt: Date;
  sentAt?: Date;
  channel: ChannelRef;
  platform: string;
  campaignId: string;
  /** Which post: a spotlight's, else the rotation's. */
  spotlight: boolean;
  profileId?: string;
  state: DeliveryState;
  detail?: string;
  attempts: number;
  messageRef?: MessageRef;
  retraction?: { state: RetractionState; detail?: string; at?: Date };
  /** Its edit after a status change (a release, a new sentence), when one was owed. */
  update?: { state: UpdateState; detail?: string };
}

/** One platform's posts on one local date with one outcome. */
export interface DailyDeliveries {
  localDate: string;
  platform: string;
  state: DeliveryState;
  posts: number;
}

/** How late the posts sent on one local date were, every platform together, in seconds. */
export interface DailyLateness {
  localDate: string;
  medianSeconds: number;
  worstSeconds: number;
}

export interface DeliveryLog {
  /** A page of rows, newest local date first, and how many match in all. */
  page(
    filter: DeliveryLogFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: DeliveryLogRow[]; total: number }>;
  /** Every row matching, newest first, `batch` at a time (for a CSV export that never holds them all). */
  each(filter: DeliveryLogFilter, batch?: number): AsyncIterable<DeliveryLogRow>;
  /** Posts per local date, platform and state, and the lateness of sent ones per date, `from`–`to` inclusive. */
  daily(from: string, to: string): Promise<{ posts: DailyDeliveries[]; lateness: DailyLateness[] }>;
}
