/**
 * The in-memory catalog (src/services/catalog.ts) holds each profile as an entry: its head for the rules
 * over the whole catalog, the whole record on demand (services/catalog-entries.ts), kept in memory or read
 * from the store. Either way what it gives back must be the stored profile exactly, read a round at a
 * time, and a takedown must reach it at once.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { anniversariesOn } from "../../../src/core/anniversaries.ts";
import type { CatalogRepository } from "../../../src/core/ports/catalog.ts";
import { profileHead } from "../../../src/core/profile-head.ts";
import { currentDetention, type Profile } from "../../../src/core/profile.ts";
import { rotationEligibility } from "../../../src/rotation/eligibility.ts";
import { createCatalogService } from "../../../src/services/catalog.ts";
import { catalogEntry, type RecordKeeping, recentProfiles } from "../../../src/services/catalog-entries.ts";
import { RecordArena } from "../../../src/services/record-arena.ts";
import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";
import { buildCampaign, buildProfile, detention, familyMember } from "../rotation/builders.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));
let sample: Awaited<ReturnType<typeof readImportFiles>>;

beforeAll(async () => {
  sample = await readImportFiles([DATA]);
});

/** The memory store, counting the rounds the catalog reads profiles in and the single records it reads. */
async function storeWith(profiles: Profile[]) {
  const repos = createMemoryRepositories();
  await repos.catalog.importBundle({ campaigns: sample.campaigns, profiles }, "test");
  const pages: number[] = [];
  const reads: string[] = [];
  const catalog: CatalogRepository = {
    ...repos.catalog,
    async pageProfiles(after, limit) {
      const page = await repos.catalog.pageProfiles(after, limit);
      pages.push(page.length);
      return page;
    },
    async pageProfileHeads(after, limit) {
      const page = await repos.catalog.pageProfileHeads(after, limit);
      pages.push(page.length);
      return page;
    },
    getProfile(id) {
      reads.push(id);
      return repos.catalog.getProfile(id);
    },
    listProfiles: () => Promise.reject(new Error("the catalog must not read every record at once")),
  };
  return { repos, catalog, pages, reads };
}

describe.each<RecordKeeping>(["memory", "store"])("the in-memory catalog, records kept in %s", (records) => {
  it("gives back every sample profile exactly as stored, and finds each by name", async () => {
    const { repos, catalog, reads } = await storeWith(sample.profiles);
    const service = createCatalogService(catalog, { records });
    const snap = await service.snapshot();
    expect(snap.all).toHaveLength(sample.profiles.length);
    for (const stored of await repos.catalog.listProfiles()) {
      expect(await snap.byId.get(stored.profile.id)?.load()).toStrictEqual(stored);
      const found = await service.lookup(stored.profile.displayName);
      expect(found).toMatchObject({ kind: "found", profile: { profile: { id: stored.profile.id } } });
    }
    // Read once each, then kept among the last read.
    expect(reads.length).toBe(records === "store" ? sample.profiles.length : 0);
  });

  it("reads the profiles a round at a time, never all at once", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      buildProfile({ id: `p-${i}`, campaign: sample.campaigns[0]!.id, displayName: `Person ${i}` }),
    );
    const { catalog, pages } = await storeWith(many);
    const snap = await createCatalogService(catalog, { profilesPerRead: 10, records }).snapshot();
    expect(snap.all.map((e) => e.seq)).toEqual([...snap.all.map((e) => e.seq)].sort((a, b) => a - b));
    expect(snap.all).toHaveLength(25);
    expect(pages).toEqual([10, 10, 5]);
  });

  it("takes a taken-down profile out of lookup at once, and keeps it for staff", async () => {
    const { repos, catalog } = await storeWith(sample.profiles);
    const service = createCatalogService(catalog, { records });
    const one = sample.profiles[0]!;
    expect(await service.get(one.id)).toBeDefined();
    await repos.catalog.takedown(one.id, { reason: "family request", actor: "staff", at: new Date() });
    expect(await service.get(one.id)).toBeUndefined();
    expect((await service.lookup(one.displayName)).kind).not.toBe("found");
    const staff = await service.staffSearch(one.displayName);
    expect(staff.profiles.map((e) => e.profile.id)).toContain(one.id);
    const record = await staff.profiles.find((e) => e.profile.id === one.id)?.load();
    expect(record?.profile.publication.takedown?.reason).toBe("family request");
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

  it("reads a record again after a read that failed", async () => {
    const stored = { profile: buildProfile(), seq: 1, createdAt: new Date(1), updatedAt: new Date(2) };
    let reads = 0;
    const repository = {
      getProfile: async () => {
        reads += 1;
        if (reads === 1) throw new Error("connection lost");
        return stored;
      },
    };
    const entry = catalogEntry(stored, { keeping: "store", recent: recentProfiles(), repository });
    await expect(entry.load()).rejects.toThrow("connection lost");
    expect(await entry.load()).toBe(stored);
    expect(await entry.load()).toBe(stored);
    expect(reads).toBe(2);
  });

  it("reads a record from the store once while it is among the last read", async () => {
    const stored = { profile: buildProfile(), seq: 1, createdAt: new Date(1), updatedAt: new Date(2) };
    const other = { ...stored, profile: buildProfile({ id: "other" }), seq: 2 };
    let reads = 0;
    const repository = {
      getProfile: async (id: string) => {
        reads += 1;
        return id === stored.profile.id ? stored : other;
      },
    };
    const recent = recentProfiles(1);
    const entry = catalogEntry(stored, { keeping: "store", recent, repository });
    expect(await entry.load()).toBe(await entry.load());
    expect(reads).toBe(1);
    // Pushed out by another record: read again.
    await catalogEntry(other, { keeping: "store", recent, repository }).load();
    expect(await entry.load()).toBe(stored);
    expect(reads).toBe(3);
  });

  it("decodes a record kept in memory afresh each time, equal to what was stored", async () => {
    const stored = { profile: buildProfile(), seq: 1, createdAt: new Date(1), updatedAt: new Date(2) };
    const entry = catalogEntry(stored, { keeping: "memory", records: new RecordArena() });
    const [first, second] = [await entry.load(), await entry.load()];
    expect(first).toStrictEqual(stored);
    expect(second).toStrictEqual(stored);
    // Nothing decoded is kept (catalog-entries.ts says why): a caller may not rely on sharing one object.
    expect(second).not.toBe(first);
  });
});
