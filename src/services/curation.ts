/**
 * Curation: taking a profile down and restoring it. One service for every path that does it (the command
 * line, alone or carried out by a running bot, and the staff panel), so each gets the same checks, the
 * same audit entry and the same answer; callers only word the answer for their medium.
 */
import { UserError } from "../core/errors.ts";
import type { CatalogRepository, Clock, StoredProfile } from "../core/ports.ts";

export interface TakedownRecord {
  at: string;
  by: string;
  reason: string;
}

export type TakedownResult =
  | { kind: "taken-down"; profile: StoredProfile }
  /** It was down already: nothing changed, and the first takedown's record stands. */
  | { kind: "already"; profile: StoredProfile; record: TakedownRecord };

export interface CurationService {
  takedown(id: string, input: { reason: string; actor: string }): Promise<TakedownResult>;
  /** Back to the visibility it had before the takedown (withheld stays withheld); refused when not down. */
  restore(id: string, input: { actor: string }): Promise<StoredProfile>;
}

export function profileNotFound(id: string): UserError {
  return new UserError(`No profile with id "${id}" (see: freetobehome profiles list).`, "PROFILE_NOT_FOUND");
}

export function createCurationService(deps: { catalog: CatalogRepository; clock: Clock }): CurationService {
  const { catalog, clock } = deps;
  return {
    async takedown(id, { reason, actor }) {
      const at = clock.now();
      const stored = await catalog.takedown(id, { reason, actor, at });
      if (!stored) throw profileNotFound(id);
      const record = stored.profile.publication.takedown;
      // The repository keeps the first takedown's date and reason: a different date means it was down already.
      if (record && record.at !== at.toISOString()) return { kind: "already", profile: stored, record };
      return { kind: "taken-down", profile: stored };
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
  };
}
