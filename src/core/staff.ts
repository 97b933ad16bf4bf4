import type { StaffOAuthPlatform, StaffOAuthRole } from "./staff-oauth.ts";

/**
 * The staff panel's people: who may sign in, with which role, and the one-time links and sessions that
 * let them in. Tokens never reach storage in clear: the repository sees only their SHA-256 hashes.
 */

export const STAFF_ROLES = ["viewer", "editor", "admin"] as const;
/** viewer reads; editor also curates profiles; admin also manages people and subscriptions. */
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffPerson {
  id: number;
  /** Unique; how the person is named in the panel and the audit log (`panel:<name>`). */
  name: string;
  role: StaffRole;
  createdBy: string;
  createdAt: Date;
  lastSignInAt?: Date;
  /** Set once revoked: no link or session of theirs works any more. */
  revokedAt?: Date;
  revokedBy?: string;
  /** Set for a person who signs in through a platform (OAuth) rather than with links. */
  platform?: StaffOAuthPlatform;
}

/** What signing in through a platform came to (StaffRepository.signInWithPlatform). */
export type PlatformSignInResult =
  | { kind: "signed-in"; person: StaffPerson; created: boolean }
  /** An admin revoked this person: the platform's word does not lift it (the command line can). */
  | { kind: "revoked" }
  /** Someone else already has the name this person would get. */
  | { kind: "name-taken" };

export interface StaffRepository {
  /**
   * Stores a one-time sign-in link for a person named `name`, creating the person (or giving an existing
   * one the role, and lifting a revocation: the operator on the command line is the root of trust).
   * One audit entry.
   */
  issueLink(input: {
    name: string;
    role: StaffRole;
    tokenHash: string;
    expiresAt: Date;
    actor: string;
    at: Date;
  }): Promise<{ person: StaffPerson; created: boolean }>;
  /**
   * Uses a link once: when it is unused, unexpired at `at` and its person not revoked, marks it used and
   * opens a session (stored by its hash) in the same transaction; undefined otherwise.
   */
  redeemLink(
    tokenHash: string,
    session: { tokenHash: string; expiresAt: Date; at: Date },
  ): Promise<StaffPerson | undefined>;
  /**
   * Signs in a person the platform vouched for, found by (platform, user id) or created with `name`:
   * their role set to `role`, a session opened and one audit entry written (`details` in it), in one
   * transaction. A revoked person stays out.
   */
  signInWithPlatform(input: {
    platform: StaffOAuthPlatform;
    userId: string;
    name: string;
    role: StaffOAuthRole;
    details: Record<string, unknown>;
    session: { tokenHash: string; expiresAt: Date; at: Date };
  }): Promise<PlatformSignInResult>;
  /** The person of an unexpired session whose person is not revoked; undefined otherwise. */
  sessionPerson(tokenHash: string, at: Date): Promise<StaffPerson | undefined>;
  endSession(tokenHash: string): Promise<void>;
  /** Everyone, revoked people included, by name. */
  list(): Promise<StaffPerson[]>;
  /** Revokes a person: their sessions end and unused links die at once; undefined when none was active. */
  revoke(id: number, input: { actor: string; at: Date }): Promise<StaffPerson | undefined>;
}

/** How a person appears as an actor in the audit log. */
export const staffActor = (person: Pick<StaffPerson, "name">): string => `panel:${person.name}`;
