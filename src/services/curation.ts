/**
 * Curation: taking a profile down and restoring it, marking it verified as of a date, and withdrawing
 * posts whose consent was taken back. One service for every path that does it (the command
 * line, alone or carried out by a running bot, and the staff panel), so each gets the same checks, the
 * same audit entry and the same answer; callers only word the answer for their medium.
 */
import { verificationRefusal } from "../core/catalog-rules.ts";
import { UserError } from "../core/errors.ts";
import { latestObservableDay } from "../core/plausible-values.ts";
import type { CatalogRepository, StoredProfile } from "../core/ports/catalog.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { RetractionLedger } from "../core/retraction.ts";

const DAY_MS = 86_400_000;

export interface TakedownRecord {
  at: string;
  by: string;
  reason: string;
}

/**
 * `retractions`: how many posts already delivered were newly put up for retraction (deleted or edited by
 * the next delivery pass of a running bot). A repeated takedown adds only posts the first one missed.
 */
export type TakedownResult =
  | { kind: "taken-down"; profile: StoredProfile; retractions: number }
  /** It was down already: nothing changed, and the first takedown's record stands. */
  | { kind: "already"; profile: StoredProfile; record: TakedownRecord; retractions: number };

export interface CurationDeps {
  catalog: CatalogRepository;
  clock: Clock;
  /** Where posts to take back are recorded; absent (in-memory tests): a takedown retracts nothing. */
  retractions?: RetractionLedger;
  /** Posts sent within this many days of a takedown are retracted (RETRACT_WITHIN_DAYS). */
  retractWithinDays?: number;
}

export interface CurationService {
  takedown(id: string, input: { reason: string; actor: string }): Promise<TakedownResult>;
  /** Back to the visibility it had before the takedown (withheld stays withheld); refused when not down. */
  restore(id: string, input: { actor: string }): Promise<StoredProfile>;
  /**
   * Withdraws the recent posts of profiles whose consent was taken back by an import (after it was
   * committed), as a takedown does: how many posts were newly put up for retraction.
   */
  retractPostsOf(ids: readonly string[]): Promise<number>;
  /**
   * Marks a profile verified as of `date` (YYYY-MM-DD) by `verifiedBy`: refused when the date is not a
   * date, is in the future, or is before the verification the profile has. A re-import of an older file
   * keeps it (catalog-rules.ts).
   */
  markVerified(
    id: string,
    input: { date: string; verifiedBy: string; actor: string },
  ): Promise<StoredProfile>;
}

export function profileNotFound(id: string): UserError {
  return new UserError(`No profile with id "${id}" (see: freetobehome profiles list).`, "PROFILE_NOT_FOUND");
}

const VERIFICATION_REFUSALS = {
  format: "panelImport.verifyFormat",
  future: "panelImport.verifyFuture",
  earlier: "panelImport.verifyEarlier",
} as const;

function verificationRefused(
  refusal: keyof typeof VERIFICATION_REFUSALS,
  values: { date: string; latest: string; current: string },
): UserError {
  return new UserError({ key: VERIFICATION_REFUSALS[refusal], values }, "INVALID_ARGUMENTS");
}

export function createCurationService(deps: CurationDeps): CurationService {
  const { catalog, clock } = deps;
  // After the takedown is committed, so no post of the profile can be sent after its jobs were written
  // (the resolver reads the catalog right before each send). Run on a repeated takedown too: it repairs
  // a first one whose jobs were not written.
  const retract = async (id: string, now: Date) => {
    if (!deps.retractions) return 0;
    const since = new Date(now.getTime() - (deps.retractWithinDays ?? 30) * DAY_MS);
    return deps.retractions.requestFor(id, { since, now });
  };
  return {
    async takedown(id, { reason, actor }) {
      const at = clock.now();
      const stored = await catalog.takedown(id, { reason, actor, at });
      if (!stored) throw profileNotFound(id);
      const retractions = await retract(id, at);
      const record = stored.profile.publication.takedown;
      // The repository keeps the first takedown's date and reason: a different date means it was down already.
      if (record && record.at !== at.toISOString())
        return { kind: "already", profile: stored, record, retractions };
      return { kind: "taken-down", profile: stored, retractions };
    },
    async restore(id, { actor }) {
      const current = await catalog.getProfile(id);
      if (!current) throw profileNotFound(id);
      if (!current.profile.publication.takedown) {
        throw new UserError(
          `${id} is not taken down; nothing changed (it is ${current.profile.publication.visibility}).`,
          "INVALID_ARGUMENTS",
        );
      }
      const stored = await catalog.restore(id, { actor, at: clock.now() });
      if (!stored) throw profileNotFound(id);
      return stored;
    },
    async markVerified(id, { date, verifiedBy, actor }) {
      const now = clock.now();
      const current = await catalog.getProfile(id);
      if (!current) throw profileNotFound(id);
      const latest = latestObservableDay(now);
      const refuse = (stored: StoredProfile) => {
        const refusal = verificationRefusal(stored.profile, date, latest);
        if (refusal)
          throw verificationRefused(refusal, { date, latest, current: stored.profile.lastVerifiedAt });
      };
      refuse(current);
      const stored = await catalog.markVerified(id, { date, verifiedBy, actor, at: now });
      if (!stored) throw profileNotFound(id);
      // Someone else verified it later meanwhile: the store kept theirs.
      refuse(stored);
      return stored;
    },
    async retractPostsOf(ids) {
      const now = clock.now();
      let total = 0;
      for (const id of ids) total += await retract(id, now);
      return total;
    },
  };
}
