/**
 * The in-memory catalog (src/services/catalog.ts) holds each profile as an entry: its head for the rules
 * over the whole catalog, the whole record decoded on demand (services/catalog-entries.ts). What it gives
 * back must be the stored profile exactly, read a round at a time, and a takedown must reach it at once.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { CatalogRepository } from "../../../src/core/ports/catalog.ts";
import { profileHead } from "../../../src/core/profile-head.ts";
import { currentDetention, type Profile } from "../../../src/core/profile.ts";
import { anniversariesOn } from "../../../src/core/anniversaries.ts";
import { rotationEligibility } from "../../../src/rotation/eligibility.ts";
import { createCatalogService } from "../../../src/services/catalog.ts";
import { catalogEntry, decodedProfiles } from "../../../src/services/catalog-entries.ts";
import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";
import { buildCampaign, buildProfile, detention, familyMember } from "../rotation/builders.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));
let sample: Awaited<ReturnType<typeof readImportFiles>>;

beforeAll(async () => {
  sample = await readImportFiles([DATA]);
});

/** The memory store, counting the rounds the catalog reads profiles in. */
async function storeWith(profiles: Profile[]) {
  const repos = createMemoryRepositories();
  await repos.catalog.importBundle({ campaigns: sample.campaigns, profiles }, "test");
  const pages: number[] = [];
  const catalog: CatalogRepository = {
    ...repos.catalog,
    async pageProfiles(after, limit) {
      const page = await repos.catalog.pageProfiles(after, limit);
      pages.push(page.length);
      return page;
    },
    listProfiles: () => Promise.reject(new Error("the catalog must not read every record at once")),
  };
  return { repos, catalog, pages };
}

describe("the in-memory catalog", () => {
  it("gives back every sample profile exactly as stored, and finds each by name", async () => {
    const { repos, catalog } = await storeWith(sample.profiles);
    const service = createCatalogService(catalog);
    const snap = await service.snapshot();
    expect(snap.all).toHaveLength(sample.profiles.length);
    for (const stored of await repos.catalog.listProfiles()) {
      expect(snap.byId.get(stored.profile.id)?.stored()).toStrictEqual(stored);
      const found = await service.lookup(stored.profile.displayName);
      expect(found).toMatchObject({ kind: "found", profile: { profile: { id: stored.profile.id } } });
    }
  });

  it("reads the profiles a round at a time, never all at once", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      buildProfile({ id: `p-${i}`, campaign: sample.campaigns[0]!.id, displayName: `Person ${i}` }),
    );
    const { catalog, pages } = await storeWith(many);
    const snap = await createCatalogService(catalog, { profilesPerRead: 10 }).snapshot();
    expect(snap.all.map((e) => e.seq)).toEqual([...snap.all.map((e) => e.seq)].sort((a, b) => a - b));
    expect(snap.all).toHaveLength(25);
    expect(pages).toEqual([10, 10, 5]);
  });

  it("takes a taken-down profile out of lookup at once, and keeps it for staff", async () => {
    const { repos, catalog } = await storeWith(sample.profiles);
    const service = createCatalogService(catalog);
    const one = sample.profiles[0]!;
    expect(await service.get(one.id)).toBeDefined();
    await repos.catalog.takedown(one.id, { reason: "family request", actor: "staff", at: new Date() });
    expect(await service.get(one.id)).toBeUndefined();
    expect((await service.lookup(one.displayName)).kind).not.toBe("found");
    const staff = await service.staffSearch(one.displayName);
    expect(staff.profiles.map((e) => e.profile.id)).toContain(one.id);
    expect(staff.profiles[0]?.stored().profile.publication.takedown?.reason).toBe("family request");
  });
});

describe("a profile's head", () => {
  it("is judged by the rules exactly as the whole profile is", () => {
    const campaign = buildCampaign();
    const opts = { localDate: "2024-03-01", staleAfterDays: 90 };
    const cases: Profile[] = [
      buildProfile(),
      buildProfile({ publication: { visibility: "withheld" } }),
      buildProfile({
        family: [familyMember({ id: "wife", consent: { status: "withdrawn", scope: [] } })],
      }),
      buildProfile({
        detentions: [
          detention({ arrestDate: "2019-03-01", status: "released", statusAsOf: "2020-01-01" }),
          detention({ arrestDate: "2021-03-01", sentenceDate: "2022-03-01", status: "sentenced" }),
        ],
      }),
      buildProfile({ lastVerifiedAt: "2023-01-01" }),
    ];
    for (const profile of cases) {
      const head = profileHead(profile);
      expect(rotationEligibility(head, campaign, opts)).toEqual(rotationEligibility(profile, campaign, opts));
      expect(anniversariesOn(head, opts.localDate)).toEqual(anniversariesOn(profile, opts.localDate));
      expect(currentDetention(head).status).toBe(currentDetention(profile).status);
    }
  });

  it("decodes a profile once while it is among the last decoded", () => {
    const stored = { profile: buildProfile(), seq: 1, createdAt: new Date(1), updatedAt: new Date(2) };
    const entry = catalogEntry(stored, decodedProfiles(1));
    expect(entry.stored()).toBe(entry.stored());
    expect(entry.stored()).toStrictEqual(stored);
  });
});
