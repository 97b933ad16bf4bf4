/**
 * Who may enter the staff panel: one-time sign-in links (15 minutes, single use), sessions, revocation.
 * One service for the command line (`panel link`) and the panel itself. Tokens are random 256-bit values
 * handed out once; storage sees only their SHA-256, so neither a database copy nor the audit log lets
 * anyone in.
 */
import { createHash, randomBytes } from "node:crypto";
import { UserError } from "../core/errors.ts";
import type { Clock } from "../core/ports/clock.ts";
import { STAFF_ROLES, type StaffPerson, type StaffRepository, type StaffRole } from "../core/staff.ts";

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_HOURS = 12;
const NAME = /^[^\p{Cc}\p{Cf}]{1,60}$/u;

export interface IssuedLink {
  /** The secret to put in the link; shown once, never stored. */
  token: string;
  expiresAt: Date;
  person: StaffPerson;
  created: boolean;
}

export interface StaffSession {
  token: string;
  expiresAt: Date;
  person: StaffPerson;
}

export interface StaffAccess {
  issueLink(input: { name: string; role: string; actor: string }): Promise<IssuedLink>;
  /** Uses a link once; undefined when it is unknown, used, expired or its person revoked. */
  signIn(linkToken: string): Promise<StaffSession | undefined>;
  /** The person behind a session token; undefined when it is unknown, expired or revoked. */
  authenticate(sessionToken: string): Promise<StaffPerson | undefined>;
  signOut(sessionToken: string): Promise<void>;
  people(): Promise<StaffPerson[]>;
  /** Revokes someone else (an admin cannot lock themselves out); refused when not active. */
  revoke(id: number, by: StaffPerson | string): Promise<StaffPerson>;
}

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** A new session's secret (for the cookie) and what storage keeps of it (its hash), from `at`. */
export function newSession(at: Date): {
  token: string;
  session: { tokenHash: string; expiresAt: Date; at: Date };
} {
  const token = newToken();
  return {
    token,
    session: {
      tokenHash: hashToken(token),
      expiresAt: new Date(at.getTime() + SESSION_HOURS * 3_600_000),
      at,
    },
  };
}
const isRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

export function createStaffAccess(deps: { staff: StaffRepository; clock: Clock }): StaffAccess {
  const { staff, clock } = deps;
  return {
    async issueLink({ name, role, actor }) {
      const trimmed = name.trim();
      if (!NAME.test(trimmed)) {
        throw new UserError(
          "The name must be 1 to 60 characters, without control characters.",
          "INVALID_ARGUMENTS",
        );
      }
      if (!isRole(role)) {
        throw new UserError(`The role must be one of ${STAFF_ROLES.join(", ")}.`, "INVALID_ARGUMENTS");
      }
      const at = clock.now();
      const token = newToken();
      const expiresAt = new Date(at.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
      const stored = await staff.issueLink({
        name: trimmed,
        role,
        tokenHash: hashToken(token),
        expiresAt,
        actor,
        at,
      });
      return { token, expiresAt, ...stored };
    },
    async signIn(linkToken) {
      if (linkToken.length === 0 || linkToken.length > 200) return undefined;
      const { token, session } = newSession(clock.now());
      const person = await staff.redeemLink(hashToken(linkToken), session);
      return person ? { token, expiresAt: session.expiresAt, person } : undefined;
    },
    authenticate: (sessionToken) =>
      sessionToken.length > 200
        ? Promise.resolve(undefined)
        : staff.sessionPerson(hashToken(sessionToken), clock.now()),
    signOut: (sessionToken) => staff.endSession(hashToken(sessionToken)),
    people: () => staff.list(),
    async revoke(id, by) {
      const actor = typeof by === "string" ? by : `panel:${by.name}`;
      if (typeof by !== "string" && by.id === id) {
        throw new UserError("You cannot revoke yourself; ask another admin.", "INVALID_ARGUMENTS");
      }
      const revoked = await staff.revoke(id, { actor, at: clock.now() });
      if (!revoked)
        throw new UserError("No active person with that id; nothing changed.", "INVALID_ARGUMENTS");
      return revoked;
    },
  };
}
