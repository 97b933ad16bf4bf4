/** The staff panel's people, links and sessions, on PGlite and (when TEST_DATABASE_URL is set) Postgres. */
import { beforeEach, describe, expect, it } from "vitest";
import { createRepositories } from "../../../db/repositories/index.ts";
import { createStaffAccess, hashToken } from "../../../src/services/staff-access.ts";
import { createPlatformSignIn } from "../../../src/services/platform-sign-in.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { CAMPAIGN_ID, makeCampaign } from "../../fixtures/profiles.ts";
import { databaseTargets, emptiedForEachTest } from "../../support/test-database.ts";

describe.each(databaseTargets)("staff access on $name", ({ open, skip }) => {
  const database = emptiedForEachTest({ open, skip });
  let now = new Date("2026-12-07T10:00:00Z");
  beforeEach(() => {
    now = new Date("2026-12-07T10:00:00Z");
  });
  const repos = () => createRepositories(database().db);
  const access = () => createStaffAccess({ staff: repos().staff, clock: { now: () => now } });

  it.skipIf(skip)("keeps only the hash of a link, which signs in once and opens a session", async () => {
    const link = await access().issueLink({ name: "Aysel", role: "editor", actor: "cli:root" });
    expect(link.created).toBe(true);
    const stored = await database().db.execute("select token_hash from staff_sign_in_links");
    const hashes = JSON.stringify(stored);
    expect(hashes).toContain(hashToken(link.token));
    expect(hashes).not.toContain(link.token);

    const session = await access().signIn(link.token);
    expect(session?.person).toMatchObject({ name: "Aysel", role: "editor" });
    expect(await access().signIn(link.token)).toBeUndefined();
    expect(await access().authenticate(session!.token)).toMatchObject({ name: "Aysel" });
    await access().signOut(session!.token);
    expect(await access().authenticate(session!.token)).toBeUndefined();
  });

  it.skipIf(skip)("refuses a link after 15 minutes and a session after 12 hours", async () => {
    const late = await access().issueLink({ name: "Late", role: "viewer", actor: "cli:root" });
    now = new Date(now.getTime() + 15 * 60_000);
    expect(await access().signIn(late.token)).toBeUndefined();
    const fresh = await access().issueLink({ name: "Late", role: "viewer", actor: "cli:root" });
    const session = await access().signIn(fresh.token);
    now = new Date(now.getTime() + 12 * 3_600_000);
    expect(await access().authenticate(session!.token)).toBeUndefined();
  });

  it.skipIf(skip)("revokes a person: sessions and unused links end, with audit entries", async () => {
    const admin = await access().issueLink({ name: "Admin", role: "admin", actor: "cli:root" });
    const adminSession = await access().signIn(admin.token);
    const used = await access().issueLink({ name: "Rashad", role: "viewer", actor: "cli:root" });
    const session = await access().signIn(used.token);
    const unused = await access().issueLink({ name: "Rashad", role: "viewer", actor: "cli:root" });

    await expect(access().revoke(adminSession!.person.id, adminSession!.person)).rejects.toThrow(/yourself/);
    const revoked = await access().revoke(session!.person.id, adminSession!.person);
    expect(revoked.revokedBy).toBe("panel:Admin");
    expect(await access().authenticate(session!.token)).toBeUndefined();
    expect(await access().signIn(unused.token)).toBeUndefined();
    await expect(access().revoke(session!.person.id, adminSession!.person)).rejects.toThrow(
      /nothing changed/,
    );

    // A new link from the command line lets the person in again, with the role it gives.
    const again = await access().issueLink({ name: "Rashad", role: "editor", actor: "cli:root" });
    expect(again.created).toBe(false);
    expect((await access().signIn(again.token))?.person.role).toBe("editor");

    const actions = (await repos().audit.list({ entityType: "staff" })).map(
      (e) => `${e.actor} ${e.action} ${e.entityId}`,
    );
    expect(actions).toContain("panel:Admin staff.revoked Rashad");
    expect(actions).toContain("cli:root staff.link-issued Rashad");
    expect(actions).toContain("panel:Rashad staff.signed-in Rashad");
    expect((await access().people()).map((p) => p.name)).toEqual(["Admin", "Rashad"]);
  });

  it.skipIf(skip)("refuses a bad name or role", async () => {
    await expect(access().issueLink({ name: " ", role: "viewer", actor: "cli:root" })).rejects.toThrow(
      /name/,
    );
    await expect(access().issueLink({ name: "A", role: "owner", actor: "cli:root" })).rejects.toThrow(/role/);
  });

  const platformSignIn = (role: "viewer" | "editor" = "viewer") =>
    createPlatformSignIn({
      staff: repos().staff,
      subscriptions: repos().subscriptions,
      clock: { now: () => now },
      role,
    });
  const moderator = (userId: string, displayName: string) => ({
    platform: "discord" as const,
    userId,
    displayName,
    moderates: [communityRef("discord:111"), communityRef("discord:999")],
  });

  it.skipIf(skip)(
    "signs in a platform's moderator of a subscribed community, found again by their id",
    async () => {
      expect(await platformSignIn().signIn(moderator("101", "Aysel"))).toEqual({ kind: "not-moderator" });
      await repos().catalog.importBundle({ campaigns: [makeCampaign()], profiles: [] }, "test");
      await repos().subscriptions.upsert({
        channel: channelRef("discord:111:222"),
        community: communityRef("discord:111"),
        campaignId: CAMPAIGN_ID,
        postTime: "09:00",
        timezone: "UTC",
        actor: "test",
      });
      // Two tabs finishing their first sign-in at once make one person.
      const [a, b] = await Promise.all([
        platformSignIn().signIn(moderator("101", "Aysel")),
        platformSignIn().signIn(moderator("101", "Aysel")),
      ]);
      expect(a.kind === "signed-in" && b.kind === "signed-in").toBe(true);
      if (a.kind !== "signed-in" || b.kind !== "signed-in") return;
      expect(a.session.person.id).toBe(b.session.person.id);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.session.person).toMatchObject({
        name: "Aysel (Discord 101)",
        role: "viewer",
        platform: "discord",
      });
      expect(await access().authenticate(a.session.token)).toMatchObject({ platform: "discord" });
      // Renamed on Discord: still the same person, under the name they first had.
      const renamed = await platformSignIn("editor").signIn(moderator("101", "Aysel M."));
      expect(renamed).toMatchObject({
        session: { person: { id: a.session.person.id, name: "Aysel (Discord 101)", role: "editor" } },
      });
      const [entry] = await repos().audit.list({
        entityType: "staff",
        entityId: "Aysel (Discord 101)",
        limit: 1,
      });
      expect(entry).toMatchObject({
        action: "staff.signed-in",
        details: { via: "discord", communities: ["discord:111"] },
      });

      // A link person who already has the name this one would get.
      await access().issueLink({ name: "Rauf (Discord 202)", role: "viewer", actor: "cli:root" });
      expect(await platformSignIn().signIn(moderator("202", "Rauf"))).toEqual({
        kind: "name-taken",
        name: "Rauf (Discord 202)",
      });

      const admin = await access().issueLink({ name: "Admin", role: "admin", actor: "cli:root" });
      const adminSession = await access().signIn(admin.token);
      await access().revoke(a.session.person.id, adminSession!.person);
      expect(await access().authenticate(b.session.token)).toBeUndefined();
      expect(await platformSignIn().signIn(moderator("101", "Aysel"))).toEqual({ kind: "revoked" });
    },
  );
});
