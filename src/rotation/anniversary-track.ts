/**
 * The rotation as channels with anniversaries on see it. Pure, derived from the campaign's rotation log
 * (rotation.ts), so it needs no memory of its own and every process and restart reads the same answer.
 *
 * Channels with anniversaries off see the log's picks: one family per campaign and date, each eligible
 * profile once before any twice (a round is the log's `cycle`). Channels with anniversaries on see the same
 * round with some days swapped, so they keep that fairness too:
 * - On a date when a profile has an anniversary and has not yet been shown in this round (on this track),
 *   it is shown, with the anniversary as the reason. That counts as its turn: the family the log picked for
 *   that date is owed, and is shown on the day the log reaches the anniversary's profile (already shown),
 *   so each round still shows every family once.
 * - An anniversary whose profile was already shown in the round passes without a post: featuring it twice
 *   would put it ahead of families not yet shown. The next year's anniversary will come in another round.
 * - Several anniversaries on one date: the log's own pick if it is one of them (no swap needed), else the
 *   lowest rank by a hash of the campaign, the date and the profile: deterministic, and not always the same
 *   profile winning (not by name, nor by insertion).
 * - A family owed when its round ends (the anniversary's profile left the rotation before its turn) is not
 *   carried over: the next round shows everyone again.
 * The walk starts at the round's first decided date and uses today's catalog (who is eligible, whose
 * anniversary it is) for the earlier days of the round too: a correction to an arrest date applies from then on.
 * The round is read as it stood when the date was recorded in the log: an earlier date decided only later
 * (no channel posted it before a channel ahead in time posted this date) is left out, so every channel
 * asking about a date, at any time, gets one answer. The walk of the days before may then differ a little
 * from what those days showed; recording the track's own picks (first writer wins) would make it exact.
 */
import type { ProfileAnniversary } from "../core/anniversaries.ts";
import type { Anniversary } from "../core/anniversaries.ts";
import type { RotationEntry } from "../core/ports/rotation-log.ts";
import { rank } from "./rotation.ts";

export interface AnniversaryTrackInput {
  campaignId: string;
  /** The date to decide, YYYY-MM-DD; the log must hold its entry (record the rotation's pick first). */
  localDate: string;
  /** The campaign's rotation log, every date, in any order. */
  history: ReadonlyArray<RotationEntry>;
  /** The anniversaries of the campaign's eligible profiles on a date (anniversaryCalendar). */
  anniversariesOn: (localDate: string) => readonly ProfileAnniversary[];
  /** Whether a profile may be posted now: an owed family that may not is skipped. */
  isEligible: (profileId: string) => boolean;
}

export interface TrackPick {
  profileId: string;
  /** Set when the profile is shown for its anniversary. */
  anniversary?: Anniversary;
}

/** The family for channels with anniversaries on; undefined when the log has no entry for the date. */
export function anniversaryTrackPick(input: AnniversaryTrackInput): TrackPick | undefined {
  const log = input.history.filter((e) => e.campaignId === input.campaignId);
  const today = log.find((e) => e.localDate === input.localDate);
  if (!today) return undefined;
  const asOf = today.recordedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const round = log
    .filter((e) => e.cycle === today.cycle && e.localDate <= input.localDate)
    .filter((e) => (e.recordedAt?.getTime() ?? Number.NEGATIVE_INFINITY) <= asOf)
    .sort((a, b) => (a.localDate < b.localDate ? -1 : 1));

  const shown = new Set<string>();
  let owed: string[] = [];
  let pick: TrackPick = { profileId: today.profileId };
  for (const day of round) {
    pick = dayOf(input, day, shown, owed);
    if (pick.profileId !== day.profileId && !shown.has(day.profileId) && pick.anniversary) {
      owed.push(day.profileId);
    }
    shown.add(pick.profileId);
    owed = owed.filter((id) => id !== pick.profileId);
  }
  return pick;
}

function dayOf(
  input: AnniversaryTrackInput,
  day: RotationEntry,
  shown: ReadonlySet<string>,
  owed: readonly string[],
): TrackPick {
  const due = input.anniversariesOn(day.localDate).filter((a) => !shown.has(a.profileId));
  if (due.length > 0) {
    const own = due.find((a) => a.profileId === day.profileId);
    const chosen =
      own ??
      [...due].sort(
        (a, b) =>
          rank(`${input.campaignId}@${day.localDate}`, 0, a.profileId) -
            rank(`${input.campaignId}@${day.localDate}`, 0, b.profileId) ||
          (a.profileId < b.profileId ? -1 : 1),
      )[0]!;
    return { profileId: chosen.profileId, anniversary: chosen.anniversary };
  }
  if (!shown.has(day.profileId)) return { profileId: day.profileId };
  // The log reached a family this track showed early for its anniversary: show one it owes instead.
  const repaid = owed.find((id) => !shown.has(id) && input.isEligible(id));
  return { profileId: repaid ?? day.profileId };
}
