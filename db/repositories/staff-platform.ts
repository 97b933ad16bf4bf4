/**
 * Signing in a person a platform vouched for (Discord or Slack OAuth): found by the platform's user id, or
 * created; role set, session opened and the sign-in audited in one transaction. The unique index on
 * (platform, user id) makes two racing first sign-ins one person.
 */
import { and, eq } from "drizzle-orm";
import { type StaffRepository, staffActor } from "../../src/core/staff.ts";
import type { Db } from "../client.ts";
import { staffPeople, staffSessions } from "../schema/index.ts";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { appendAudit } from "./audit.ts";
import { staffPeopleColumns, toPerson } from "./staff-rows.ts";

type Input = Parameters<StaffRepository["signInWithPlatform"]>[0];
type Result = Awaited<ReturnType<StaffRepository["signInWithPlatform"]>>;

export async function signInWithPlatform(db: Db, input: Input): Promise<Result> {
  const { platform, userId, name, role, session } = input;
  return db.transaction(async (tx) => {
    const samePerson = and(eq(staffPeople.platform, platform), eq(staffPeople.platformUserId, userId));
    let [row] = await tx.select(staffPeopleColumns).from(staffPeople).where(samePerson);
    let created = false;
    if (!row) {
      const [taken] = await tx
        .select({ platform: staffPeople.platform, userId: staffPeople.platformUserId })
        .from(staffPeople)
        .where(eq(staffPeople.name, name));
      // The name may be this very person's, made by their other tab since the read above (each statement
      // sees what committed before it): only someone else's name is taken.
      if (taken && (taken.platform !== platform || taken.userId !== userId)) return { kind: "name-taken" };
      if (!taken) {
        [row] = await tx
          .insert(staffPeople)
          .values({
            name,
            role,
            createdBy: platform,
            createdAt: session.at,
            platform,
            platformUserId: userId,
          })
          .onConflictDoNothing({ target: [staffPeople.platform, staffPeople.platformUserId] })
          .returning(staffPeopleColumns);
        created = row !== undefined;
      }
      // Lost a race with this person's other tab: theirs created the row.
      if (!row) [row] = await tx.select(staffPeopleColumns).from(staffPeople).where(samePerson);
    }
    if (!row) throw new Error(`staff person ${platform}:${userId} was not stored`);
    if (row.revokedAt) return { kind: "revoked" };
    // The role OAuth gives is the configured one at every sign-in, so lowering PANEL_OAUTH_ROLE takes
    // effect at the next sign-in, and OAuth never keeps a role the operator gave another way.
    const [updated] = await tx
      .update(staffPeople)
      .set({ role, lastSignInAt: session.at })
      .where(eq(staffPeople.id, row.id))
      .returning(staffPeopleColumns);
    if (!updated) throw new Error(`staff person ${platform}:${userId} vanished`);
    await tx.insert(staffSessions).values({
      tokenHash: session.tokenHash,
      personId: updated.id,
      expiresAt: session.expiresAt,
      createdAt: session.at,
    });
    await appendAudit(tx, {
      at: session.at,
      actor: staffActor(updated),
      action: AUDIT_ACTIONS.staffSignedIn,
      entityType: "staff",
      entityId: updated.name,
      details: { via: platform, role, created, ...input.details },
    });
    return { kind: "signed-in", person: toPerson(updated), created };
  });
}
