/**
 * The staff panel's people, links and sessions on the database. Redeeming a link is one conditional
 * update (unused, unexpired, person not revoked), so two tabs racing on one link open one session.
 */
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { signInWithPlatform } from "./staff-platform.ts";
import { staffPeopleColumns, toPerson } from "./staff-rows.ts";
import { type StaffRepository, staffActor } from "../../src/core/staff.ts";
import type { Db } from "../client.ts";
import { staffPeople, staffSessions, staffSignInLinks } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";

export function createStaffRepository(db: Db): StaffRepository {
  return {
    async issueLink({ name, role, tokenHash, expiresAt, actor, at }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(staffPeople)
          .values({ name, role, createdBy: actor, createdAt: at })
          .onConflictDoUpdate({ target: staffPeople.name, set: { role, revokedAt: null, revokedBy: null } })
          .returning({ ...staffPeopleColumns, inserted: sql<boolean>`(xmax = 0)` });
        if (!row) throw new Error(`staff person ${name} was not stored`);
        await tx.insert(staffSignInLinks).values({ tokenHash, personId: row.id, expiresAt, createdAt: at });
        await appendAudit(tx, {
          at,
          actor,
          action: AUDIT_ACTIONS.staffLinkIssued,
          entityType: "staff",
          entityId: name,
          details: { role, expiresAt: expiresAt.toISOString(), created: row.inserted },
        });
        return { person: toPerson(row), created: row.inserted };
      });
    },

    async redeemLink(tokenHash, session) {
      return db.transaction(async (tx) => {
        const [link] = await tx
          .update(staffSignInLinks)
          .set({ usedAt: session.at })
          .where(
            and(
              eq(staffSignInLinks.tokenHash, tokenHash),
              isNull(staffSignInLinks.usedAt),
              gt(staffSignInLinks.expiresAt, session.at),
            ),
          )
          .returning({ personId: staffSignInLinks.personId });
        if (!link) return undefined;
        const [row] = await tx
          .update(staffPeople)
          .set({ lastSignInAt: session.at })
          .where(and(eq(staffPeople.id, link.personId), isNull(staffPeople.revokedAt)))
          .returning();
        if (!row) return undefined;
        await tx.insert(staffSessions).values({
          tokenHash: session.tokenHash,
          personId: row.id,
          expiresAt: session.expiresAt,
          createdAt: session.at,
        });
        await appendAudit(tx, {
          at: session.at,
          actor: staffActor(row),
          action: AUDIT_ACTIONS.staffSignedIn,
          entityType: "staff",
          entityId: row.name,
        });
        return toPerson(row);
      });
    },

    signInWithPlatform: (input) => signInWithPlatform(db, input),

    async sessionPerson(tokenHash, at) {
      const [row] = await db
        .select(staffPeopleColumns)
        .from(staffSessions)
        .innerJoin(staffPeople, eq(staffPeople.id, staffSessions.personId))
        .where(
          and(
            eq(staffSessions.tokenHash, tokenHash),
            gt(staffSessions.expiresAt, at),
            isNull(staffPeople.revokedAt),
          ),
        );
      return row ? toPerson(row) : undefined;
    },

    async endSession(tokenHash) {
      await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
    },

    async list() {
      const rows = await db.select().from(staffPeople).orderBy(asc(staffPeople.name));
      return rows.map(toPerson);
    },

    async revoke(id, { actor, at }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(staffPeople)
          .set({ revokedAt: at, revokedBy: actor })
          .where(and(eq(staffPeople.id, id), isNull(staffPeople.revokedAt)))
          .returning();
        if (!row) return undefined;
        await tx.delete(staffSessions).where(eq(staffSessions.personId, id));
        await tx
          .delete(staffSignInLinks)
          .where(and(eq(staffSignInLinks.personId, id), isNull(staffSignInLinks.usedAt)));
        await appendAudit(tx, {
          at,
          actor,
          action: AUDIT_ACTIONS.staffRevoked,
          entityType: "staff",
          entityId: row.name,
          details: { role: row.role },
        });
        return toPerson(row);
      });
    },
  };
}
