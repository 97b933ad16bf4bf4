/**
 * Status updates: when a profile's current status changes (released, sentence changed, died in custody),
 * the posts already delivered about it are edited to carry a dated "Update" line, and a release is
 * announced once in the channels that featured the person. These are the pure rules: which change an
 * import makes, and what the ledger records for each attempt. The jobs live on the delivery ledger
 * (db/repositories/status-updates.ts) and run in the delivery pass (src/delivery/status-updates.ts),
 * beside retraction, which always wins: a taken-down profile's posts are never edited with an update.
 */
import type { ChannelRef } from "./channel.ts";
import type { PartialDate } from "./partial-date.ts";
import type { MessageRef } from "./platform.ts";
import type { PostOptions } from "./post-options.ts";
import { currentDetention, type Detention, type Profile } from "./profile.ts";
import { type RetractionOutcome, retryOrGiveUp } from "./retraction.ts";

export const STATUS_CHANGE_KINDS = ["released", "sentence_changed", "died_in_custody"] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];

/** A change of a profile's current status, as an import made it. */
export interface StatusChange {
  kind: StatusChangeKind;
  profileId: string;
  /** When it happened: the release date, the date of death, or the new sentence's date (each else `asOf`). */
  date: PartialDate;
  /** The status's "as of" date after the change. */
  asOf: PartialDate;
  /** The new sentence as pronounced (sentence_changed only). */
  sentence?: string;
  /** The source of the new status: the last one the current detention cites (curators add the newest last). */
  sourceId: string;
}

/** The same detention episode before and after: a re-arrest is a new episode, not a change of status. */
function sameEpisode(a: Detention, b: Detention): boolean {
  return a.arrestDate === b.arrestDate && a.detainingCountry === b.detainingCountry;
}

/**
 * The change from `before` to `after`, if the current status changed in a way readers must be told of.
 * A new profile (no `before`) has no change: nothing about it was posted yet.
 */
export function statusChangeOf(before: Profile | undefined, after: Profile): StatusChange | undefined {
  if (!before) return undefined;
  const was = currentDetention(before);
  const now = currentDetention(after);
  const base = { profileId: after.id, asOf: now.statusAsOf, sourceId: now.sources[now.sources.length - 1]! };
  if (now.status === "released" && was.status !== "released")
    return { ...base, kind: "released", date: now.release?.date ?? now.statusAsOf };
  if (now.status === "died_in_custody" && was.status !== "died_in_custody")
    return { ...base, kind: "died_in_custody", date: now.statusAsOf };
  const still = now.status !== "released" && now.status !== "died_in_custody" && now.status !== "died";
  if (
    still &&
    sameEpisode(was, now) &&
    was.sentence !== undefined &&
    now.sentence !== undefined &&
    was.sentence.asPronounced !== now.sentence.asPronounced
  ) {
    return {
      ...base,
      kind: "sentence_changed",
      date: now.sentenceDate ?? now.statusAsOf,
      sentence: now.sentence.asPronounced,
    };
  }
  return undefined;
}

/** The platform's answer to one edit of a delivered post, never thrown. */
export type EditResult =
  | { kind: "edited" }
  /** The message is not there any more (deleted): nothing left to edit. */
  | { kind: "gone"; reason: string }
  | { kind: "transient"; reason: string; retryAfterMs?: number }
  /** Never going to work: channel gone, bot removed, no permission. Recorded, not retried. */
  | { kind: "permanent"; reason: string };

/** A short post in a channel (a release announcement), in the channel's language. */
export interface Announcement {
  /** One sentence, plain text: the adapter escapes it. */
  text: string;
  /** The source's link, shown after the text without a preview. */
  url: string;
  language?: string;
  /** Stable per announcement, at most 25 characters: a platform that dedupes never posts it twice. */
  idempotencyKey: string;
  /**
   * How the channel's subscription asks its messages to go out (core/post-options.ts): an announcement
   * goes where the posts go (a Telegram topic) and as quietly. Absent: the defaults.
   */
  options?: PostOptions;
  /**
   * The channel's latest post of this person (the ledger's MessageRef), where there is one: a platform with
   * threads (Slack) answers in its thread, so the news follows the post it is about.
   */
  inReplyTo?: MessageRef;
}

export const UPDATE_STATES = ["pending", "claimed", "edited", "gone", "failed", "skipped"] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];
export const ANNOUNCEMENT_STATES = ["pending", "claimed", "announced", "failed", "skipped"] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

/** A delivered post owed an update edit, as claimed from the ledger. */
export interface UpdateJob {
  deliveryId: number;
  channel: ChannelRef;
  localDate: string;
  platform: string;
  campaignId: string;
  /** The post was a spotlight's: its edit keeps the spotlight's intro. */
  spotlight: boolean;
  ref: MessageRef;
  change: StatusChange;
  attempts: number;
}

/** A release owed an announcement in one channel, as claimed from the ledger. */
export interface AnnouncementJob {
  id: number;
  channel: ChannelRef;
  platform: string;
  change: StatusChange;
  attempts: number;
  /** The channel's latest sent post of the person, where the platform named it (see Announcement). */
  replyTo?: MessageRef;
}

export type UpdateOutcome =
  | { state: "edited" | "gone" | "failed" | "skipped"; detail: string }
  | { state: "pending"; detail: string; nextAttemptAt: Date };

export type AnnouncementOutcome =
  | { state: "announced"; detail: string; messageId: string }
  | { state: "failed" | "skipped"; detail: string }
  | { state: "pending"; detail: string; nextAttemptAt: Date };

/** What the ledger records for the platform's answer to an edit. */
export function editOutcome(result: EditResult, attempts: number, now: Date): UpdateOutcome {
  switch (result.kind) {
    case "edited":
      return { state: "edited", detail: "edited with the update line" };
    case "gone":
      return { state: "gone", detail: result.reason };
    case "permanent":
      return { state: "failed", detail: result.reason };
    case "transient":
      return pendingOrFailed(retryOrGiveUp(result, attempts, now));
  }
}

function pendingOrFailed(outcome: RetractionOutcome): UpdateOutcome {
  return outcome.state === "pending" ? outcome : { state: "failed", detail: outcome.detail };
}

/** What the ledger records for the platform's answer to an announcement (a SendResult's kinds). */
export function announcementOutcome(
  result:
    | { kind: "sent"; messageId: string }
    | { kind: "transient"; reason: string; retryAfterMs?: number }
    | { kind: "uncertain" | "permanent" | "rejected"; reason: string }
    | { kind: "moved" },
  attempts: number,
  now: Date,
): AnnouncementOutcome {
  switch (result.kind) {
    case "sent":
      return { state: "announced", detail: "announced", messageId: result.messageId };
    case "transient": {
      const next = retryOrGiveUp(result, attempts, now);
      return next.state === "pending" ? next : { state: "failed", detail: next.detail };
    }
    // Maybe posted: trying again could announce twice, which is worse than once missing.
    case "uncertain":
      return { state: "failed", detail: `${result.reason}; may have been posted, not tried again` };
    case "moved":
      return { state: "failed", detail: "the chat moved to a new id" };
    case "permanent":
    case "rejected":
      return { state: "failed", detail: result.reason };
  }
}

/** An update or announcement as moderators see it (`freetobehome deliveries show`). */
export interface UpdateRecord {
  kind: StatusChangeKind;
  state: UpdateState | AnnouncementState;
  attempts: number;
  detail?: string;
  settledAt?: Date;
}

export interface AnnouncementRecord extends UpdateRecord {
  channel: ChannelRef;
  date: PartialDate;
}

/** The ledger's side of status updates: db/repositories/status-updates.ts. */
export interface StatusUpdateLedger {
  /**
   * Turns every status change not yet acted on into jobs, once (across processes): an edit for each post
   * of the profile sent since `editSince` and not being retracted, and for a release an announcement for
   * each channel that featured it since `announceSince` whose active subscription has updates on.
   */
  enqueue(input: {
    now: Date;
    editSince: Date;
    announceSince: Date;
  }): Promise<{ edits: number; announcements: number }>;
  claimEdits(input: ClaimInput): Promise<UpdateJob[]>;
  /** False when the claim was lost (taken over, or a newer change re-queued the post). */
  finishEdit(deliveryId: number, owner: string, outcome: UpdateOutcome, now: Date): Promise<boolean>;
  claimAnnouncements(input: ClaimInput): Promise<AnnouncementJob[]>;
  finishAnnouncement(id: number, owner: string, outcome: AnnouncementOutcome, now: Date): Promise<boolean>;
  /** The profile's announcements, newest first. */
  announcementsFor(profileId: string): Promise<AnnouncementRecord[]>;
}

export interface ClaimInput {
  platform: string;
  now: Date;
  limit: number;
  leaseMs: number;
  owner: string;
}
