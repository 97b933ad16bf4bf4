/** A staff person's row as the repositories read it (links, sessions and platform sign-ins alike). */
import type { StaffPerson } from "../../src/core/staff.ts";
import { staffPeople } from "../schema/index.ts";

export const staffPeopleColumns = {
  id: staffPeople.id,
  name: staffPeople.name,
  role: staffPeople.role,
  createdBy: staffPeople.createdBy,
  createdAt: staffPeople.createdAt,
  lastSignInAt: staffPeople.lastSignInAt,
  revokedAt: staffPeople.revokedAt,
  revokedBy: staffPeople.revokedBy,
  platform: staffPeople.platform,
};

type PersonRow = Omit<typeof staffPeople.$inferSelect, "platformUserId">;

export function toPerson(row: PersonRow): StaffPerson {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    ...(row.lastSignInAt ? { lastSignInAt: row.lastSignInAt } : {}),
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
    ...(row.revokedBy ? { revokedBy: row.revokedBy } : {}),
    ...(row.platform ? { platform: row.platform } : {}),
  };
}
