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

/** Local dates, inclusive; a missing end is open (every date before, or after). */
export interface DayRange {
  from?: string;
  to?: string;
}

export interface DeliveryLog {
  /** A page of the rows matching, newest local date first. */
  page(filter: DeliveryLogFilter, offset: number, limit: number): Promise<DeliveryLogRow[]>;
  /** How many rows match, counted in the database. */
  count(filter: DeliveryLogFilter): Promise<number>;
  /** Every row matching, newest first, `batch` at a time (for a CSV export that never holds them all). */
  each(filter: DeliveryLogFilter, batch?: number): AsyncIterable<DeliveryLogRow>;
  /**
   * Posts per local date, platform and state in `days`, and the lateness of sent ones per date (left out,
   * and not worked out, when `lateness` is false).
   */
  daily(days: DayRange, lateness?: boolean): Promise<{ posts: DailyDeliveries[]; lateness: DailyLateness[] }>;
}
