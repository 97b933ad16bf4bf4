/**
 * `deliveries show <profile>`: a profile's delivered posts and what became of each after a takedown
 * (src/core/retraction.ts), so a moderator can see that a withdrawn family's posts are gone.
 */
import type { DeliveredPost } from "../core/retraction.ts";
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
    writeList(ctx.io, posts, deliveredView(profileId), options.json);
    return 0;
  });
}

/** The retraction column: not asked for, waiting, or how it ended (with the platform's reason if it failed). */
function retractionCell(post: DeliveredPost): string {
  const r = post.retraction;
  if (!r) return post.ref ? "-" : "- (no message reference kept)";
  const tries = r.attempts === 1 ? "1 attempt" : `${r.attempts} attempts`;
  if (r.state === "pending" || r.state === "claimed") return `${r.state} (${tries})`;
  const when = r.settledAt ? ` ${r.settledAt.toISOString()}` : "";
  return r.state === "failed" ? `failed${when}: ${r.detail ?? ""}` : `${r.state}${when}`;
}

function deliveredView(profileId: string): ListView<DeliveredPost> {
  return {
    columns: ["date", "channel", "sent at", "message", "retraction"],
    cells: (post) => [
      post.localDate,
      post.channel,
      post.sentAt?.toISOString() ?? "",
      post.ref?.messageId ?? "",
      retractionCell(post),
    ],
    json: (post) => ({
      localDate: post.localDate,
      channel: post.channel,
      sentAt: post.sentAt?.toISOString() ?? null,
      messageId: post.ref?.messageId ?? null,
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
