/**
 * `deliveries show <profile>`: a profile's delivered posts and what became of each after a takedown
 * (src/core/retraction.ts) or a status change (src/core/status-update.ts), then the release announcements
 * made in channels, so a moderator can see that a withdrawn family's posts are gone and that a release
 * reached the channels that featured the person.
 */
import type { DeliveredPost } from "../core/retraction.ts";
import type { AnnouncementRecord } from "../core/status-update.ts";
import { profileNotFound } from "../services/curation.ts";
import type { CliContext } from "./context.ts";
import { type ListView, writeList } from "./list-output.ts";

export function runDeliveriesShow(
  ctx: CliContext,
  profileId: string,
  options: { json: boolean },
): Promise<number> {
  return ctx.withApp(async (app) => {
    if (!(await app.repositories.catalog.getProfile(profileId))) throw profileNotFound(profileId);
    const posts = await app.repositories.retractions.forProfile(profileId);
    const announcements = await app.repositories.statusUpdates.announcementsFor(profileId);
    if (options.json) {
      // One document for a script: the posts, then the announcements, each row saying which it is.
      const rows = [
        ...posts.map((p) => ({ kind: "post", ...(deliveredView(profileId).json(p) as object) })),
        ...announcements.map((a) => ({ kind: "announcement", ...(announcementView.json(a) as object) })),
      ];
      ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    writeList(ctx.io, posts, deliveredView(profileId), false);
    if (announcements.length > 0) {
      ctx.io.stdout.write("\n");
      writeList(ctx.io, announcements, announcementView, false);
    }
    return 0;
  });
}

/** A job's state as one cell: not owed, waiting, or how it ended (with the platform's reason if it failed). */
function stateCell(
  job: { state: string; attempts: number; detail?: string; settledAt?: Date } | undefined,
  none: string,
): string {
  if (!job) return none;
  const tries = job.attempts === 1 ? "1 attempt" : `${job.attempts} attempts`;
  if (job.state === "pending" || job.state === "claimed") return `${job.state} (${tries})`;
  const when = job.settledAt ? ` ${job.settledAt.toISOString()}` : "";
  return job.state === "failed" || job.state === "skipped"
    ? `${job.state}${when}: ${job.detail ?? ""}`
    : `${job.state}${when}`;
}

function deliveredView(profileId: string): ListView<DeliveredPost> {
  return {
    columns: ["date", "channel", "sent at", "message", "update", "retraction"],
    cells: (post) => [
      post.localDate,
      post.channel,
      post.sentAt?.toISOString() ?? "",
      post.ref?.messageId ?? "",
      stateCell(post.update, "-"),
      stateCell(post.retraction, post.ref ? "-" : "- (no message reference kept)"),
    ],
    json: (post) => ({
      localDate: post.localDate,
      channel: post.channel,
      sentAt: post.sentAt?.toISOString() ?? null,
      messageId: post.ref?.messageId ?? null,
      update: post.update?.state ?? null,
      updateAttempts: post.update?.attempts ?? 0,
      updateDetail: post.update?.detail ?? null,
      updatedAt: post.update?.settledAt?.toISOString() ?? null,
      retraction: post.retraction?.state ?? null,
      retractionRequestedAt: post.retraction?.requestedAt?.toISOString() ?? null,
      retractionAttempts: post.retraction?.attempts ?? 0,
      retractionDetail: post.retraction?.detail ?? null,
      retractedAt: post.retraction?.settledAt?.toISOString() ?? null,
    }),
    empty: `No post of ${profileId} has been delivered.`,
    heading: `Posts delivered for ${profileId}, newest first:`,
  };
}

const announcementView: ListView<AnnouncementRecord> = {
  columns: ["released", "channel", "announcement"],
  cells: (a) => [a.date, a.channel, stateCell(a, "-")],
  json: (a) => ({
    releaseDate: a.date,
    channel: a.channel,
    state: a.state,
    attempts: a.attempts,
    detail: a.detail ?? null,
    settledAt: a.settledAt?.toISOString() ?? null,
  }),
  empty: "",
  heading: "Release announcements, newest first:",
};
