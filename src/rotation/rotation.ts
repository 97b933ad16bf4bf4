/**
 * The daily pick: which eligible profile a campaign features on a local date. Pure. The caller loads the
 * campaign's RotationLog history, calls pickForDate and records the result (the first writer wins), so every
 * channel and instance shows the same family on a date and a restart changes nothing.
 *
 * Rules:
 * - A date already in the history keeps its entry: decided dates are never recomputed, so adding or
 *   removing profiles cannot shift what a date showed.
 * - The date's cycle is the highest cycle among entries dated before it (0 when there are none). A profile
 *   is taken in a cycle when any entry of that cycle features it. Candidates are the eligible profiles not
 *   taken; when there are none the next cycle starts (every eligible profile is featured once before any is
 *   featured again). A profile added mid-cycle is simply not taken yet, so it joins the current cycle.
 * - "Taken" counts entries of every date, not only earlier ones: a channel ahead in time may decide
 *   tomorrow before today is decided; counting only earlier entries would then give today the family
 *   already chosen for tomorrow, featuring it twice in one cycle.
 * - Among candidates, the lowest hash(campaign, cycle, id), ties by seq then id: deterministic, yet each
 *   cycle visits profiles in its own order rather than alphabetically or by insertion.
 * - Not the family of the nearest decided day before or after, when another candidate exists (a new cycle
 *   would otherwise often open with the family that closed the last one).
 */
import type { RotationEntry } from "../core/ports/rotation-log.ts";

/** An eligible profile: its id and its insertion order (StoredProfile.seq). */
export interface RotationCandidate {
  id: string;
  seq: number;
}

export interface PickInput {
  campaignId: string;
  /** The campaign's local date to decide, YYYY-MM-DD. */
  localDate: string;
  /** The profiles eligible now (see rotationCandidates), in any order. */
  eligible: ReadonlyArray<RotationCandidate>;
  /** Every decided entry of the campaign, in any order; may hold dates after localDate. */
  history: ReadonlyArray<RotationEntry>;
}

/** The entry for the date: the recorded one if decided, else a new pick; undefined when none is eligible. */
export function pickForDate(input: PickInput): RotationEntry | undefined {
  const log = campaignLog(input);
  return recordedOn(log, input.localDate) ?? choose(input, log, undefined);
}

/**
 * For a date whose recorded profile is no longer eligible (taken down at noon): another profile for the same
 * date, in the recorded entry's cycle when an untaken eligible profile remains, else by pickForDate's rules.
 * Returns the recorded entry unchanged while its profile is still eligible, and undefined when no other
 * profile is eligible. The caller stores the result with RotationLog.replace(entry, recorded.profileId).
 */
export function replacementForDate(input: PickInput): RotationEntry | undefined {
  const log = campaignLog(input);
  const recorded = recordedOn(log, input.localDate);
  if (!recorded) return choose(input, log, undefined);
  if (input.eligible.some((candidate) => candidate.id === recorded.profileId)) return recorded;
  // The replaced entry no longer counts: its profile did not get its day in the cycle.
  const others = log.filter((entry) => entry.localDate !== input.localDate);
  return choose(input, others, recorded.cycle);
}

function choose(
  input: PickInput,
  log: readonly RotationEntry[],
  preferredCycle: number | undefined,
): RotationEntry | undefined {
  const eligible = uniqueById(input.eligible);
  if (eligible.length === 0) return undefined;

  const taken = new Map<number, Set<string>>();
  for (const entry of log) {
    const ids = taken.get(entry.cycle) ?? new Set<string>();
    ids.add(entry.profileId);
    taken.set(entry.cycle, ids);
  }
  const untaken = (cycle: number) => eligible.filter((candidate) => !taken.get(cycle)?.has(candidate.id));

  let cycle = preferredCycle ?? -1;
  let candidates = preferredCycle === undefined ? [] : untaken(preferredCycle);
  if (candidates.length === 0) {
    cycle = 0;
    for (const entry of log) if (entry.localDate < input.localDate) cycle = Math.max(cycle, entry.cycle);
    candidates = untaken(cycle);
    // Ends: cycles past the highest one in the log have nothing taken, and eligible is not empty.
    while (candidates.length === 0) {
      cycle += 1;
      candidates = untaken(cycle);
    }
  }

  const neighbours = neighbourProfiles(log, input.localDate);
  const fresh = candidates.filter((candidate) => !neighbours.has(candidate.id));
  const pool = fresh.length > 0 ? fresh : candidates;
  const ranked = pool.map((candidate) => ({ candidate, rank: rank(input.campaignId, cycle, candidate.id) }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.candidate.seq - b.candidate.seq ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  const chosen = ranked[0]!.candidate;
  return { campaignId: input.campaignId, localDate: input.localDate, profileId: chosen.id, cycle };
}

/** The campaign's own entries; validates the date, since entries compare as YYYY-MM-DD text. */
function campaignLog(input: PickInput): RotationEntry[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.localDate)) {
    throw new RangeError(`localDate must be YYYY-MM-DD, got "${input.localDate}"`);
  }
  return input.history.filter((entry) => entry.campaignId === input.campaignId);
}

/** The date's entry; should a faulty log hold several, the same one whatever the history's order. */
function recordedOn(log: readonly RotationEntry[], localDate: string): RotationEntry | undefined {
  let found: RotationEntry | undefined;
  for (const entry of log) {
    if (entry.localDate !== localDate) continue;
    if (
      !found ||
      entry.cycle < found.cycle ||
      (entry.cycle === found.cycle && entry.profileId < found.profileId)
    ) {
      found = entry;
    }
  }
  return found;
}

/** The profiles of the nearest decided date before and the nearest after. */
function neighbourProfiles(log: readonly RotationEntry[], localDate: string): Set<string> {
  let before = "";
  let after = "\uffff";
  for (const entry of log) {
    if (entry.localDate < localDate && entry.localDate > before) before = entry.localDate;
    if (entry.localDate > localDate && entry.localDate < after) after = entry.localDate;
  }
  return new Set(
    log.filter((entry) => entry.localDate === before || entry.localDate === after).map((e) => e.profileId),
  );
}

/** Duplicates keep the lowest seq, so the pick does not depend on the order of `eligible`. */
function uniqueById(eligible: ReadonlyArray<RotationCandidate>): RotationCandidate[] {
  const byId = new Map<string, RotationCandidate>();
  for (const candidate of eligible) {
    const seen = byId.get(candidate.id);
    if (!seen || candidate.seq < seen.seq) byId.set(candidate.id, candidate);
  }
  return [...byId.values()];
}

const utf8 = new TextEncoder();

/**
 * FNV-1a (32-bit) over the UTF-8 text, finished with MurmurHash3's fmix32 so that ids differing only in
 * their last character still land far apart. Stable across processes, versions and platforms.
 */
export function rank(campaignId: string, cycle: number, profileId: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(`${campaignId}\u0000${cycle}\u0000${profileId}`)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
