/** The catalog contract, curation part: takedown and restore (and what an import does to a takedown). */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import { makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

export function takedownContract({ repositories }: ContractContext): void {
  const bundle = () => ({ campaigns: [makeCampaign()], profiles: sampleProfiles() });

  describe("takedown and restore", () => {
    const at = new Date("2026-03-01T10:15:00.000Z");

    it("withholds at once, records who, when and why, and restores", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const version = await catalog.version();

      const taken = await catalog.takedown("khalil-matouk", { reason: "family request", actor: "mod", at });
      expect(taken?.profile.publication).toStrictEqual({
        visibility: "withheld",
        takedown: { at: at.toISOString(), by: "mod", reason: "family request" },
      });
      expect((await catalog.getProfile("khalil-matouk"))?.profile.publication.visibility).toBe("withheld");
      expect(await catalog.version()).not.toBe(version);
      const [entry] = await audit.list({ entityType: "profile", entityId: "khalil-matouk", limit: 1 });
      expect(entry).toEqual({
        at,
        actor: "mod",
        action: AUDIT_ACTIONS.profileTakedown,
        entityType: "profile",
        entityId: "khalil-matouk",
        details: { reason: "family request", restoreVisibility: "public" },
      });

      const versionAfterTakedown = await catalog.version();
      const restored = await catalog.restore("khalil-matouk", { actor: "lead", at });
      expect(restored?.profile.publication).toStrictEqual({ visibility: "public" });
      expect(await catalog.version()).not.toBe(versionAfterTakedown);
      const [restoredEntry] = await audit.list({ entityId: "khalil-matouk", limit: 1 });
      expect(restoredEntry).toMatchObject({ action: AUDIT_ACTIONS.profileRestored, actor: "lead" });
    });

    it("keeps a takedown when the curators' files are imported again", async () => {
      const { catalog } = repositories();
      await catalog.importBundle(bundle(), "curator");
      await catalog.takedown("khalil-matouk", { reason: "safety", actor: "mod", at });

      const result = await catalog.importBundle(bundle(), "curator");

      expect(result.profiles.unchanged).toBe(3);
      expect((await catalog.getProfile("khalil-matouk"))?.profile.publication.takedown?.reason).toBe(
        "safety",
      );
    });

    /** The sample bundle with one profile's visibility replaced, as a curator's edited file would be. */
    const withVisibility = (id: string, visibility: "public" | "withheld") => ({
      campaigns: [makeCampaign()],
      profiles: sampleProfiles().map((p) => (p.id === id ? { ...p, publication: { visibility } } : p)),
    });

    it("refuses to restore a profile that is not taken down: unchanged, no audit entry, same version", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(withVisibility("khalil-matouk", "withheld"), "curator");
      const version = await catalog.version();
      const entries = await audit.list();

      const answer = await catalog.restore("khalil-matouk", { actor: "lead", at });

      expect(answer?.profile.publication).toStrictEqual({ visibility: "withheld" });
      expect((await catalog.getProfile("khalil-matouk"))?.profile.publication.visibility).toBe("withheld");
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
    });

    it("restores a profile withheld before its takedown to withheld, never public", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(withVisibility("khalil-matouk", "withheld"), "curator");
      await catalog.takedown("khalil-matouk", { reason: "safety", actor: "mod", at });

      const restored = await catalog.restore("khalil-matouk", { actor: "lead", at });

      expect(restored?.profile.publication).toStrictEqual({ visibility: "withheld" });
      const [entry] = await audit.list({ entityId: "khalil-matouk", limit: 1 });
      expect(entry).toMatchObject({
        action: AUDIT_ACTIONS.profileRestored,
        details: { previousReason: "safety", visibility: "withheld" },
      });
    });

    it("keeps the first takedown when taken down again: same record, no audit entry, same version", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      await catalog.takedown("khalil-matouk", { reason: "family request", actor: "mod", at });
      const version = await catalog.version();
      const entries = await audit.list();

      const later = new Date("2026-03-02T08:00:00.000Z");
      const again = await catalog.takedown("khalil-matouk", { reason: "other", actor: "mod2", at: later });

      const first = { at: at.toISOString(), by: "mod", reason: "family request" };
      expect(again?.profile.publication).toStrictEqual({ visibility: "withheld", takedown: first });
      expect((await catalog.getProfile("khalil-matouk"))?.profile.publication.takedown).toStrictEqual(first);
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
    });

    it("restores to the visibility the curators' files gave a profile while it was taken down", async () => {
      const { catalog } = repositories();
      await catalog.importBundle(bundle(), "curator");
      await catalog.takedown("khalil-matouk", { reason: "safety", actor: "mod", at });

      const withheld = await catalog.importBundle(withVisibility("khalil-matouk", "withheld"), "curator");

      expect(withheld.profiles).toEqual({ created: 0, updated: 1, unchanged: 2 });
      const stored = (await catalog.getProfile("khalil-matouk"))?.profile.publication;
      expect(stored?.takedown?.reason).toBe("safety");
      expect(
        (await catalog.restore("khalil-matouk", { actor: "lead", at }))?.profile.publication,
      ).toStrictEqual({ visibility: "withheld" });

      await catalog.takedown("khalil-matouk", { reason: "again", actor: "mod", at });
      await catalog.importBundle(withVisibility("khalil-matouk", "public"), "curator");
      expect(
        (await catalog.restore("khalil-matouk", { actor: "lead", at }))?.profile.publication,
      ).toStrictEqual({ visibility: "public" });
    });

    it("restores a takedown that came in a file to withheld, whatever an earlier takedown recorded", async () => {
      const { catalog } = repositories();
      await catalog.importBundle(bundle(), "curator");
      await catalog.takedown("khalil-matouk", { reason: "first", actor: "mod", at });
      await catalog.restore("khalil-matouk", { actor: "lead", at });
      const takedown = { at: "2026-03-05T00:00:00.000Z", by: "curator", reason: "from the files" };
      const fromFile = bundle();
      fromFile.profiles = fromFile.profiles.map((p) =>
        p.id === "khalil-matouk" ? { ...p, publication: { visibility: "withheld", takedown } } : p,
      );
      await catalog.importBundle(fromFile, "curator");

      const restored = await catalog.restore("khalil-matouk", { actor: "lead", at });

      expect(restored?.profile.publication).toStrictEqual({ visibility: "withheld" });
    });

    it("answers undefined for an unknown profile and writes nothing", async () => {
      const { catalog, audit } = repositories();
      expect(await catalog.takedown("nobody", { reason: "r", actor: "mod", at })).toBeUndefined();
      expect(await catalog.restore("nobody", { actor: "mod", at })).toBeUndefined();
      expect(await audit.list()).toEqual([]);
    });
  });
}
