/**
 * The catalog contract, verification part: marking a profile verified as of a date (the staff panel),
 * and what a re-import of the curators' files does to it: an older file keeps the later verification,
 * an unchanged file is still skipped, a file verified later wins.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import { makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

const ID = "khalil-matouk";
const at = new Date("2024-06-10T09:00:00.000Z");

export function verificationContract({ repositories }: ContractContext): void {
  const bundle = (edit: (p: ReturnType<typeof sampleProfiles>[number]) => object = () => ({})) => ({
    campaigns: [makeCampaign()],
    profiles: sampleProfiles().map((p) => (p.id === ID ? { ...p, ...edit(p) } : p)),
  });
  const verified = async () => {
    const { catalog } = repositories();
    await catalog.importBundle(bundle(), "curator");
    await catalog.markVerified(ID, { date: "2024-06-09", verifiedBy: "Aysel", actor: "panel:1", at });
    return catalog;
  };

  describe("marking verified", () => {
    it("sets the date and who, audits it, and changes the version", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const version = await catalog.version();

      const stored = await catalog.markVerified(ID, {
        date: "2024-06-09",
        verifiedBy: "Aysel",
        actor: "panel:1",
        at,
      });

      expect(stored?.profile).toMatchObject({ lastVerifiedAt: "2024-06-09", verifiedBy: "Aysel" });
      expect((await catalog.getProfile(ID))?.profile.lastVerifiedAt).toBe("2024-06-09");
      expect(await catalog.version()).not.toBe(version);
      const [entry] = await audit.list({ entityType: "profile", entityId: ID, limit: 1 });
      expect(entry).toEqual({
        at,
        actor: "panel:1",
        action: AUDIT_ACTIONS.profileVerified,
        entityType: "profile",
        entityId: ID,
        details: { date: "2024-06-09", previousDate: "2024-05-02", verifiedBy: "Aysel" },
      });
      expect(
        await catalog.markVerified("nobody", { date: "2024-06-09", verifiedBy: "A", actor: "a", at }),
      ).toBe(undefined);
    });

    it("keeps a later verification: an earlier date changes nothing and writes no audit entry", async () => {
      const catalog = await verified();
      const { audit } = repositories();
      const version = await catalog.version();
      const entries = await audit.list();

      const answer = await catalog.markVerified(ID, {
        date: "2024-05-20",
        verifiedBy: "Late",
        actor: "x",
        at,
      });

      expect(answer?.profile).toMatchObject({ lastVerifiedAt: "2024-06-09", verifiedBy: "Aysel" });
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
    });

    it("survives a re-import of the unchanged file, which is still skipped (no write, no audit entry)", async () => {
      const catalog = await verified();
      const { audit } = repositories();
      const version = await catalog.version();
      const entries = await audit.list();

      const result = await catalog.importBundle(bundle(), "curator");

      expect(result.profiles).toEqual({ created: 0, updated: 0, unchanged: 3 });
      expect((await catalog.getProfile(ID))?.profile).toMatchObject({
        lastVerifiedAt: "2024-06-09",
        verifiedBy: "Aysel",
      });
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
    });

    it("survives a re-import of an edited file verified earlier: the edit lands, the verification stays", async () => {
      const catalog = await verified();
      const summary = (p: { summary: { sources: string[] } }) => ({
        summary: { ...p.summary, text: "A corrected summary." },
      });

      const result = await catalog.importBundle(bundle(summary), "curator");

      expect(result.profiles).toEqual({ created: 0, updated: 1, unchanged: 2 });
      expect((await catalog.getProfile(ID))?.profile).toMatchObject({
        summary: { text: "A corrected summary." },
        lastVerifiedAt: "2024-06-09",
        verifiedBy: "Aysel",
      });
      // Imported once more as it is: unchanged, the verification still the panel's.
      expect((await catalog.importBundle(bundle(summary), "curator")).profiles.unchanged).toBe(3);
      expect((await catalog.getProfile(ID))?.profile.lastVerifiedAt).toBe("2024-06-09");
    });

    it("gives way to a file verified later", async () => {
      const catalog = await verified();
      const later = () => ({ lastVerifiedAt: "2024-06-11", verifiedBy: "campaign curators" });

      const result = await catalog.importBundle(bundle(later), "curator");

      expect(result.profiles.updated).toBe(1);
      expect((await catalog.getProfile(ID))?.profile).toMatchObject({
        lastVerifiedAt: "2024-06-11",
        verifiedBy: "campaign curators",
      });
    });
  });
}
