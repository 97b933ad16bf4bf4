/**
 * The catalog's reads a page at a time (part of the repository contract): whole profiles, and heads alone
 * (core/profile-head.ts), both in insertion order with no gap or repeat, the heads equal to what
 * profileHead makes of the whole profile; and one profile alone (getProfile, what a catalog kept in the
 * store reads each time it shows one), equal to what the pages read.
 */
import { describe, expect, it } from "vitest";
import { profileHead, searchableNames } from "../../../src/core/profile-head.ts";
import { makeCampaign, makeProfile, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

export function catalogPagingContract({ repositories }: ContractContext): void {
  describe("catalog pages", () => {
    it("pages through every profile whole, in insertion order, with no gap or repeat", async () => {
      const { catalog } = repositories();
      await catalog.importBundle({ campaigns: [makeCampaign()], profiles: sampleProfiles() }, "curator");
      const listed = await catalog.listProfiles();
      expect(listed.length).toBeGreaterThan(2);
      for (const size of [2, 3, listed.length + 1]) {
        const paged: typeof listed = [];
        for (let after = 0; ; ) {
          const page = await catalog.pageProfiles(after, size);
          expect(page.length).toBeLessThanOrEqual(size);
          paged.push(...page);
          if (page.length < size) break;
          after = page[page.length - 1]!.seq;
        }
        expect(paged, `pages of ${size}`).toStrictEqual(listed);
      }
      expect(await catalog.pageProfiles(listed.at(-1)!.seq, 10)).toEqual([]);
    });

    it("reads heads alone, each what profileHead makes of the whole profile, page by page", async () => {
      const { catalog } = repositories();
      const [first, ...rest] = sampleProfiles();
      // A relative who withdrew consent: the one thing about relatives a head keeps.
      const family = first!.family.map((m, i) =>
        i === 0 ? { ...m, consent: { ...m.consent, status: "withdrawn" as const } } : m,
      );
      await catalog.importBundle(
        { campaigns: [makeCampaign()], profiles: [{ ...first!, family }, ...rest] },
        "curator",
      );
      const listed = await catalog.listProfiles();
      await catalog.takedown(listed[1]!.profile.id, {
        reason: "family request",
        actor: "staff",
        at: new Date(),
      });
      const stored = await catalog.listProfiles();
      const expected = stored.map((s) => ({
        seq: s.seq,
        head: profileHead(s.profile),
        names: searchableNames(s.profile),
      }));
      const paged = [
        ...(await catalog.pageProfileHeads(0, 1)),
        ...(await catalog.pageProfileHeads(stored[0]!.seq, 10)),
      ];
      expect(paged).toStrictEqual(expected);
      expect(expected.some((s) => s.head.publication.takedown !== undefined)).toBe(true);
      expect(expected.some((s) => s.head.family.length > 0)).toBe(true);
      expect(expected.some((s) => s.head.detentions[0]?.sentenceDate !== undefined)).toBe(true);
    });

    it("reads one profile alone exactly as the pages read it, with every kind of child row and with none", async () => {
      const { catalog } = repositories();
      // No relatives, quotes or designations (the lists a profile may leave empty); the other lists need one.
      const bare = makeProfile({
        id: "bare",
        family: [],
        quotes: [],
        designations: [],
        familyStory: undefined,
      });
      await catalog.importBundle(
        { campaigns: [makeCampaign()], profiles: [...sampleProfiles(), bare] },
        "curator",
      );
      const listed = await catalog.listProfiles();
      for (const stored of listed) {
        expect(await catalog.getProfile(stored.profile.id), stored.profile.id).toStrictEqual(stored);
      }
      expect(await catalog.getProfile("nobody")).toBeUndefined();
      // The catalog read does hold every kind of child row, the date columns set, and a profile with none.
      const profiles = listed.map((s) => s.profile);
      const kinds = ["names", "sources", "detentions", "family", "quotes", "designations"] as const;
      for (const kind of kinds)
        expect(
          profiles.some((p) => p[kind].length > 0),
          kind,
        ).toBe(true);
      expect(profiles.some((p) => p.sources.some((s) => s.accessedAt !== undefined))).toBe(true);
      expect(profiles.some((p) => p.family.some((m) => m.consent.recordedAt !== undefined))).toBe(true);
      const none = listed.find((s) => s.profile.id === "bare")!.profile;
      expect([none.family, none.quotes, none.designations]).toEqual([[], [], []]);
    });
  });
}
