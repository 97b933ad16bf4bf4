/** The catalog part of the repository contract: import, read back, version (takedown: takedown.contract.ts). */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import type { Profile } from "../../../src/core/profile.ts";
import {
  CAMPAIGN_ID,
  makeCampaign,
  makeProfile,
  mammadovInput,
  sampleProfiles,
} from "../../fixtures/profiles.ts";
import { type ContractContext, errorText } from "./repositories.contract.ts";

/** Every optional field set, two episodes, so nothing is lost on the way through the columns. */
function completeProfile(): Profile {
  const [episode] = mammadovInput.detentions;
  return makeProfile({
    id: "complete-record",
    birthYear: 1970,
    country: { code: "AZ", label: "Azerbaijan" },
    photo: {
      url: "https://example.org/photos/complete-record.jpg",
      credit: "Family photo",
      license: "used with the family's permission",
      alt: "A man in a grey suit, smiling",
      consent: true,
    },
    detentions: [
      {
        ...episode!,
        arrestDate: "2013-02",
        arrestDateNote: "sources give 4 or 5 February",
        charges: [{ label: "organising mass riots", statute: "art. 220.1" }],
        status: "released",
        statusAsOf: "2018-08-13",
        sentence: { asPronounced: "7 years", termMonths: 84, servedTermMonths: 66, life: false },
        release: { date: "2018-08-13", type: "conditional", note: "two years' probation and a travel ban" },
      },
      {
        arrestDate: "2021",
        detainingCountry: "AZ",
        status: "unknown",
        statusAsOf: "2022",
        sources: ["irfs-appeal"],
      },
    ],
    designations: [
      {
        by: "Amnesty International",
        kind: "prisoner of conscience",
        date: "2013-02",
        withdrawn: "2021",
        source: "irfs-appeal",
      },
    ],
  });
}

/** Translations with every field, keys that jsonb would reorder (it keeps the shortest first). */
function translatedProfile(): Profile {
  return makeProfile({
    id: "translated-record",
    translations: [
      {
        language: "ru",
        reviewed: true,
        translator: "A. Translator",
        source: "https://example.org/ru/ilgar-mammadov",
        summary: "Председатель движения REAL, арестован в феврале 2013 года.",
        familyStory: "Его жена Vafa говорит от его имени.",
        charges: [{ label: "организация массовых беспорядков" }, { label: "сопротивление властям" }],
        detentionNotes: { note: "Приговор вынес Шекинский суд по тяжким преступлениям." },
        quotes: [{ index: 0, text: "Как бы ни было тяжело, я всегда буду рядом с ним." }],
      },
      {
        language: "zh-Hans",
        reviewed: false,
        translator: "machine-assisted draft",
        summary: "REAL 运动主席。",
      },
    ],
  });
}

/** Every kind of action with every field, keys that jsonb would reorder (it keeps the shortest first). */
function actingProfile(): Profile {
  const common = { source: "https://example.org/actions", asOf: "2026-10-01" };
  return makeProfile({
    id: "acting-record",
    actions: [
      { kind: "letter", address: "Prison 1\nCity", writeIn: "az", avoid: "the case", ...common },
      { kind: "petition", url: "https://example.org/petition", by: "Example Rights", ...common },
      { kind: "official", name: "An Official", role: "Minister", url: "https://example.org/o", ...common },
    ],
  });
}

export function catalogContract({ repositories }: ContractContext): void {
  const bundle = () => ({ campaigns: [makeCampaign()], profiles: sampleProfiles() });

  describe("catalog import", () => {
    it("reads back exactly what was imported, optional fields absent and lists in order", async () => {
      const { catalog } = repositories();
      const profiles = [...sampleProfiles(), completeProfile(), translatedProfile(), actingProfile()];
      const result = await catalog.importBundle({ campaigns: [makeCampaign()], profiles }, "curator");

      expect(result).toEqual({
        campaigns: { created: 1, updated: 0, unchanged: 0 },
        profiles: { created: 6, updated: 0, unchanged: 0 },
      });
      expect(await catalog.listCampaigns()).toStrictEqual([makeCampaign()]);
      const listed = await catalog.listProfiles();
      expect(listed.map((s) => s.profile)).toStrictEqual(profiles);
      for (const profile of profiles)
        expect((await catalog.getProfile(profile.id))?.profile).toStrictEqual(profile);
      const seqs = listed.map((s) => s.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(listed[0]!.createdAt).toBeInstanceOf(Date);
      expect(await catalog.getProfile("nobody")).toBeUndefined();
      // Key order too (toStrictEqual ignores it): an export must read back as the file was written.
      const translated = await catalog.getProfile("translated-record");
      expect(JSON.stringify(translated?.profile)).toBe(JSON.stringify(translatedProfile()));
      const acting = await catalog.getProfile("acting-record");
      expect(JSON.stringify(acting?.profile)).toBe(JSON.stringify(actingProfile()));
    });

    it("reads a campaign's profile page and actions back as imported, and an unchanged re-import writes nothing", async () => {
      const { catalog } = repositories();
      const acting = makeCampaign({
        profileUrl: "https://example.org/prisoners/{id}",
        actions: [
          {
            kind: "petition",
            url: "https://example.org/petition",
            by: "Example Rights",
            source: "https://example.org/actions",
            asOf: "2026-10-01",
          },
        ],
      });
      await catalog.importBundle({ campaigns: [acting], profiles: [] }, "curator");
      const [listed] = await catalog.listCampaigns();
      expect(JSON.stringify(listed)).toBe(JSON.stringify(acting));
      const again = await catalog.importBundle({ campaigns: [acting], profiles: [] }, "curator");
      expect(again.campaigns).toEqual({ created: 0, updated: 0, unchanged: 1 });
    });

    it("keeps a campaign's source language and translations setting, and leaves them absent when unset", async () => {
      const { catalog } = repositories();
      const set = makeCampaign({ sourceLanguage: "es", translations: "reviewed-only" });
      const unset = makeCampaign({ id: "another-campaign", isDefault: false });
      await catalog.importBundle({ campaigns: [set, unset], profiles: [] }, "curator");
      const listed = await catalog.listCampaigns();
      expect(listed.find((c) => c.id === set.id)).toStrictEqual(set);
      expect(listed.find((c) => c.id === unset.id)).toStrictEqual(unset);
      expect(JSON.stringify(listed.find((c) => c.id === set.id))).toBe(JSON.stringify(set));
    });

    it("reads a campaign's translated texts back as imported, keys in the schema's order", async () => {
      const { catalog, audit } = repositories();
      const translated = makeCampaign({
        historical: { asOf: "2016-12", note: "Sources were compiled for the tests." },
        textTranslations: [
          {
            language: "fa",
            reviewed: false,
            translator: "machine-assisted draft",
            source: "https://example.org/fa",
            name: "کارزار",
            description: "یک داستان در روز.",
            shareText: "{name} را به یاد بسپارید.",
            historicalNote: "منابع برای آزمون‌ها گردآوری شده‌اند.",
          },
          { language: "zh-Hans", reviewed: true, translator: "A. Translator", shareText: "记住{name}。" },
        ],
      });
      await catalog.importBundle({ campaigns: [translated], profiles: [] }, "curator");
      const [listed] = await catalog.listCampaigns();
      expect(listed).toStrictEqual(translated);
      expect(JSON.stringify(listed)).toBe(JSON.stringify(translated));
      const again = await catalog.importBundle({ campaigns: [translated], profiles: [] }, "curator");
      expect(again.campaigns).toEqual({ created: 0, updated: 0, unchanged: 1 });
      const { textTranslations: _dropped, ...without } = translated;
      await catalog.importBundle({ campaigns: [without], profiles: [] }, "curator");
      expect(JSON.stringify((await catalog.listCampaigns())[0])).toBe(JSON.stringify(without));
      const updated = (await audit.list()).find((e) => e.action === AUDIT_ACTIONS.campaignUpdated);
      expect(updated?.details).toEqual({ fields: ["textTranslations"] });
    });

    it("counts a dry run exactly as the import would, then writes nothing", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const [first] = sampleProfiles();
      await catalog.takedown(first!.id, { reason: "family asked", actor: "curator", at: new Date() });
      const version = await catalog.version();
      const entries = await audit.list();
      const before = await catalog.listProfiles();
      const extra = makeProfile({ id: "dry-run-only" });

      const result = await catalog.importBundle(
        { campaigns: [makeCampaign()], profiles: [...sampleProfiles(), extra] },
        "curator",
        { dryRun: true },
      );

      // The taken-down profile's file does not say so, yet the import keeps the takedown: unchanged.
      expect(result).toEqual({
        campaigns: { created: 0, updated: 0, unchanged: 1 },
        profiles: { created: 1, updated: 0, unchanged: 3 },
      });
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
      expect(await catalog.listProfiles()).toEqual(before);
      expect(await catalog.getProfile("dry-run-only")).toBeUndefined();
    });

    it("leaves an identical re-import alone: no write, no audit entry, same version", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const version = await catalog.version();
      const entries = await audit.list();
      const before = await catalog.listProfiles();

      const result = await catalog.importBundle(bundle(), "someone-else");

      expect(result).toEqual({
        campaigns: { created: 0, updated: 0, unchanged: 1 },
        profiles: { created: 0, updated: 0, unchanged: 3 },
      });
      expect(await catalog.version()).toBe(version);
      expect(await audit.list()).toEqual(entries);
      expect(await catalog.listProfiles()).toEqual(before);
    });

    it("updates only what changed, keeps its seq and creation time, and audits the changed fields", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const version = await catalog.version();
      const [first, second, third] = await catalog.listProfiles();
      const changed = {
        ...second!.profile,
        summary: { ...second!.profile.summary, text: "A corrected summary." },
      };

      const result = await catalog.importBundle(
        { campaigns: [], profiles: [first!.profile, changed, third!.profile] },
        "editor",
      );

      expect(result.profiles).toEqual({ created: 0, updated: 1, unchanged: 2 });
      const stored = await catalog.getProfile(changed.id);
      expect(stored?.profile).toStrictEqual(changed);
      expect(stored?.seq).toBe(second!.seq);
      expect(stored?.createdAt).toEqual(second!.createdAt);
      expect(await catalog.version()).not.toBe(version);
      const [latest] = await audit.list({ entityType: "profile", entityId: changed.id });
      expect(latest).toMatchObject({
        actor: "editor",
        action: AUDIT_ACTIONS.profileUpdated,
        details: { fields: ["summary"] },
      });
    });

    it("audits a field a re-import adds or removes (absent on one side) by name", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const [profile] = sampleProfiles();
      const withYear = { ...profile!, birthYear: 1970 };

      const added = await catalog.importBundle({ campaigns: [], profiles: [withYear] }, "editor");
      const removed = await catalog.importBundle({ campaigns: [], profiles: [profile!] }, "editor");

      expect([added.profiles.updated, removed.profiles.updated]).toEqual([1, 1]);
      const entries = await audit.list({ entityId: profile!.id, limit: 2 });
      expect(entries.map((e) => e.details)).toEqual([{ fields: ["birthYear"] }, { fields: ["birthYear"] }]);
    });

    it("writes one audit entry per record created", async () => {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const entries = await audit.list();
      expect(entries.map((e) => [e.entityType, e.entityId, e.action]).reverse()).toEqual([
        ["campaign", CAMPAIGN_ID, AUDIT_ACTIONS.campaignCreated],
        ...sampleProfiles().map((p) => ["profile", p.id, AUDIT_ACTIONS.profileCreated]),
      ]);
      expect(entries.every((e) => e.actor === "curator" && e.at instanceof Date)).toBe(true);
    });

    it("changes the version when only a campaign changes", async () => {
      const { catalog } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const version = await catalog.version();
      await catalog.importBundle(
        { campaigns: [makeCampaign({ shareText: "Free {name}." })], profiles: [] },
        "c",
      );
      expect(await catalog.version()).not.toBe(version);
      expect((await catalog.listCampaigns())[0]?.shareText).toBe("Free {name}.");
    });

    it("moves the default from one campaign to another in one import", async () => {
      const { catalog } = repositories();
      await catalog.importBundle({ campaigns: [makeCampaign()], profiles: [] }, "curator");
      const next = makeCampaign({ id: "free-to-be-home-2026", historical: undefined });
      const previous = makeCampaign({ isDefault: false });
      await catalog.importBundle({ campaigns: [next, previous], profiles: [] }, "curator");
      const defaults = (await catalog.listCampaigns()).filter((c) => c.isDefault).map((c) => c.id);
      expect(defaults).toEqual(["free-to-be-home-2026"]);
    });
  });

  describe("a failing import", () => {
    async function expectNothingChanged(attempt: () => Promise<unknown>, reason: RegExp): Promise<void> {
      const { catalog, audit } = repositories();
      await catalog.importBundle(bundle(), "curator");
      const before = {
        campaigns: await catalog.listCampaigns(),
        profiles: await catalog.listProfiles(),
        audit: await audit.list(),
        version: await catalog.version(),
      };
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(errorText(error)).toMatch(reason);
      expect(await catalog.listCampaigns()).toEqual(before.campaigns);
      expect(await catalog.listProfiles()).toEqual(before.profiles);
      expect(await audit.list()).toEqual(before.audit);
      expect(await catalog.version()).toBe(before.version);
    }

    it("changes nothing when a later profile would name a minor", async () => {
      const valid = makeProfile({ id: "valid-newcomer" });
      const edited = { ...sampleProfiles()[0]!, displayName: "Edited before the failure" };
      // Built around the schema (which refuses it) to reach the database's own safety net.
      const unsafe = makeProfile({ id: "names-a-minor" });
      unsafe.family = unsafe.family.map((m) =>
        m.isMinor ? { ...m, displayName: "A child's name", publicAdvocate: true } : m,
      );
      await expectNothingChanged(
        () =>
          repositories().catalog.importBundle(
            {
              campaigns: [makeCampaign({ id: "new-campaign", isDefault: false })],
              profiles: [valid, edited, unsafe],
            },
            "curator",
          ),
        /family_members_minor_never_named/,
      );
    });

    it("changes nothing when a profile names an unknown campaign", async () => {
      const orphan = makeProfile({ id: "orphan", campaign: "no-such-campaign" });
      await expectNothingChanged(
        () =>
          repositories().catalog.importBundle(
            { campaigns: [], profiles: [makeProfile({ id: "ok" }), orphan] },
            "c",
          ),
        /campaign/,
      );
    });

    it("refuses a bundle that names a profile twice", async () => {
      await expectNothingChanged(
        () =>
          repositories().catalog.importBundle(
            { campaigns: [], profiles: [makeProfile(), makeProfile()] },
            "c",
          ),
        /more than once/,
      );
    });
  });
}
