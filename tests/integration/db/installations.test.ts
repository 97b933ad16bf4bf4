/** Workspace installations and bot moderators, on PGlite and (when TEST_DATABASE_URL is set) Postgres. */
import { describe, expect, it } from "vitest";
import { createRepositories } from "../../../db/repositories/index.ts";
import { communityRef } from "../../../src/core/channel.ts";
import { databaseTargets, emptiedForEachTest } from "../../support/test-database.ts";

describe.each(databaseTargets)("installations and bot moderators on $name", ({ open, skip }) => {
  const database = emptiedForEachTest({ open, skip });
  const repos = () => createRepositories(database().db);

  it.skipIf(skip)("saves, replaces, finds and removes an installation by platform and key", async () => {
    const { installations } = repos();
    await installations.save("slack", "T1", { bot: { token: "xoxb-1" } });
    await installations.save("slack", "T1", { bot: { token: "xoxb-2" } });
    await installations.save("slack", "T2", { bot: { token: "xoxb-3" } });
    expect(await installations.find("slack", "T1")).toEqual({ bot: { token: "xoxb-2" } });
    expect(await installations.find("discord", "T1")).toBeUndefined();
    expect(await installations.remove("slack", "T1")).toBe(true);
    expect(await installations.remove("slack", "T1")).toBe(false);
    expect(await installations.find("slack", "T1")).toBeUndefined();
    expect(await installations.find("slack", "T2")).toEqual({ bot: { token: "xoxb-3" } });
  });

  it.skipIf(skip)(
    "grants and revokes bot moderators per community, once each, with audit entries",
    async () => {
      const { botModerators, audit } = repos();
      const team = communityRef("slack:T1");
      const other = communityRef("slack:T2");
      expect(await botModerators.grant({ community: team, userId: "U1", actor: "slack:UADMIN" })).toBe(true);
      expect(await botModerators.grant({ community: team, userId: "U1", actor: "slack:UADMIN" })).toBe(false);
      await botModerators.grant({ community: team, userId: "U2", actor: "slack:UADMIN" });
      expect(await botModerators.has(team, "U1")).toBe(true);
      expect(await botModerators.has(other, "U1")).toBe(false);
      expect(await botModerators.list(team)).toEqual(["U1", "U2"]);
      expect(await botModerators.revoke({ community: team, userId: "U1", actor: "slack:UADMIN" })).toBe(true);
      expect(await botModerators.revoke({ community: team, userId: "U1", actor: "slack:UADMIN" })).toBe(
        false,
      );
      expect(await botModerators.list(team)).toEqual(["U2"]);
      const actions = (await audit.list({ entityType: "community" })).map((e) => e.action).sort();
      expect(actions).toEqual(["moderator.granted", "moderator.granted", "moderator.revoked"]);
    },
  );
});
