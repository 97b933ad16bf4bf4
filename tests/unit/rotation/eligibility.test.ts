import { describe, expect, it } from "vitest";
import type { StoredProfile } from "../../../src/core/ports/catalog.ts";
import type { Spotlight } from "../../../src/core/ports/spotlights.ts";
import type { Campaign } from "../../../src/core/profile.ts";
import {
  isPubliclyVisible,
  profileEligibility,
  rotationCandidates,
  rotationEligibility,
  shownPostOfTheDay,
  spotlightPostable,
} from "../../../src/rotation/eligibility.ts";
import { catalogEntry, recentProfiles } from "../../../src/services/catalog-entries.ts";
import { RecordArena } from "../../../src/services/record-arena.ts";
import { buildCampaign, buildProfile, detention, familyMember } from "./builders.ts";

const opts = { localDate: "2024-03-01", staleAfterDays: 90 };
const campaign = buildCampaign();
const takedown = { at: "2024-02-20T12:00:00Z", by: "curator", reason: "family request" };

function reasonOf(...args: Parameters<typeof rotationEligibility>) {
  const result = rotationEligibility(...args);
  return result.eligible ? "eligible" : result.reason;
}

describe("rotationEligibility", () => {
  it("accepts a public, fresh, detained profile of the campaign", () => {
    expect(rotationEligibility(buildProfile(), campaign, opts)).toEqual({ eligible: true });
  });

  it("refuses a profile of another campaign", () => {
    const result = rotationEligibility(buildProfile({ campaign: "other-campaign" }), campaign, opts);
    expect(result).toMatchObject({ eligible: false, reason: "other_campaign" });
    expect(result.eligible === false && result.detail).toContain("other-campaign");
  });

  it("refuses a withheld profile", () => {
    expect(reasonOf(buildProfile({ publication: { visibility: "withheld" } }), campaign, opts)).toBe(
      "withheld",
    );
  });

  it("says taken_down, not withheld, for a taken-down profile", () => {
    const profile = buildProfile({ publication: { visibility: "withheld", takedown } });
    const result = rotationEligibility(profile, campaign, opts);
    expect(result).toMatchObject({ eligible: false, reason: "taken_down" });
    expect(result.eligible === false && result.detail).toContain("family request");
  });

  it("holds back the whole profile when any relative withdrew consent, naming them by role only", () => {
    const profile = buildProfile({
      family: [
        familyMember(),
        familyMember({
          id: "daughter",
          relationship: "daughter",
          displayName: undefined,
          isMinor: false,
          publicAdvocate: false,
          consent: { status: "withdrawn", scope: [] },
        }),
      ],
    });
    const result = rotationEligibility(profile, campaign, opts);
    expect(result).toMatchObject({ eligible: false, reason: "consent_withdrawn" });
    expect(result.eligible === false && result.detail).toContain("daughter");
  });

  it("does not treat refused or not-sought consent as a withdrawal", () => {
    const family = [
      familyMember({ consent: { status: "refused", scope: [] } }),
      familyMember({
        id: "son",
        relationship: "son",
        displayName: undefined,
        publicAdvocate: false,
        consent: { status: "not_sought", scope: [] },
      }),
    ];
    expect(reasonOf(buildProfile({ family }), campaign, opts)).toBe("eligible");
  });

  it.each([
    ["released", "status"],
    ["died_in_custody", "status"],
    ["conditionally_released", "status"],
    ["exiled", "status"],
    ["pretrial_detention", "eligible"],
    ["on_trial", "eligible"],
    ["disappeared", "eligible"],
    ["unknown", "eligible"],
  ] as const)("status %s is %s by default", (status, expected) => {
    const profile = buildProfile({ detentions: [detention({ status })] });
    expect(reasonOf(profile, campaign, opts)).toBe(expected);
  });

  it("uses the campaign's featuredStatuses instead of the defaults", () => {
    const released = buildProfile({ detentions: [detention({ status: "released" })] });
    const sentenced = buildProfile();
    const remembrance = buildCampaign({ featuredStatuses: ["released", "died_in_custody"] });
    expect(reasonOf(released, remembrance, opts)).toBe("eligible");
    expect(reasonOf(sentenced, remembrance, opts)).toBe("status");
  });

  it("judges by the latest episode by arrest date, whatever the array order (re-arrest)", () => {
    const first = detention({ arrestDate: "2011-08", status: "released", statusAsOf: "2015-05" });
    const second = detention({ arrestDate: "2015-12-23", status: "on_trial", statusAsOf: "2016-12" });
    expect(reasonOf(buildProfile({ detentions: [second, first] }), campaign, opts)).toBe("eligible");
    expect(reasonOf(buildProfile({ detentions: [first, second] }), campaign, opts)).toBe("eligible");
    const releasedAgain = detention({ arrestDate: "2015-12-23", status: "released", statusAsOf: "2018-02" });
    expect(reasonOf(buildProfile({ detentions: [releasedAgain, first] }), campaign, opts)).toBe("status");
  });

  it("refuses a profile verified more than staleAfterDays before the date, and no sooner", () => {
    const edge = buildProfile({ lastVerifiedAt: "2023-12-02" }); // 90 days before 2024-03-01
    const stale = buildProfile({ lastVerifiedAt: "2023-12-01" }); // 91 days
    expect(reasonOf(edge, campaign, opts)).toBe("eligible");
    const result = rotationEligibility(stale, campaign, opts);
    expect(result).toMatchObject({ eligible: false, reason: "stale" });
    expect(result.eligible === false && result.detail).toContain("91 days");
    expect(reasonOf(stale, campaign, { ...opts, staleAfterDays: 91 })).toBe("eligible");
  });

  it("features stale profiles of a historical campaign, whose posts give the status as of a date", () => {
    const historical = buildCampaign({ historical: { asOf: "2016-12" } });
    const old = buildProfile({ lastVerifiedAt: "2017-01-15" });
    expect(reasonOf(old, campaign, opts)).toBe("stale");
    expect(reasonOf(old, historical, opts)).toBe("eligible");
    // History excuses only freshness, never safety or status.
    const withheld = buildProfile({ lastVerifiedAt: "2017-01-15", publication: { visibility: "withheld" } });
    expect(reasonOf(withheld, historical, opts)).toBe("withheld");
  });

  it("refuses a malformed date or limit rather than letting stale profiles through", () => {
    expect(() => rotationEligibility(buildProfile(), campaign, { ...opts, localDate: "2024-3-1" })).toThrow(
      RangeError,
    );
    expect(() =>
      rotationEligibility(buildProfile(), campaign, { ...opts, staleAfterDays: Number.NaN }),
    ).toThrow(RangeError);
  });
});

describe("isPubliclyVisible", () => {
  it("is true only for public profiles that are not taken down", () => {
    expect(isPubliclyVisible(buildProfile())).toBe(true);
    expect(isPubliclyVisible(buildProfile({ publication: { visibility: "withheld" } }))).toBe(false);
    expect(isPubliclyVisible(buildProfile({ publication: { visibility: "withheld", takedown } }))).toBe(
      false,
    );
    // Visible in lookup even though consent withdrawal keeps it out of the rotation.
    const withdrawn = buildProfile({
      family: [familyMember({ consent: { status: "withdrawn", scope: [] } })],
    });
    expect(isPubliclyVisible(withdrawn)).toBe(true);
  });
});

describe("rotationCandidates", () => {
  it("keeps the eligible profiles of the campaign, by insertion order", () => {
    const stored = (seq: number, profile = buildProfile({ id: `p-${seq}` })): StoredProfile => ({
      profile,
      seq,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
    const rows = [
      stored(3),
      stored(1),
      stored(2, buildProfile({ id: "p-2", publication: { visibility: "withheld" } })),
      stored(4, buildProfile({ id: "p-4", campaign: "other" })),
    ];
    expect(rotationCandidates(rows, campaign, opts)).toEqual([
      { id: "p-1", seq: 1 },
      { id: "p-3", seq: 3 },
    ]);
  });
});

/** A stored row of a profile, for the catalog versions below. */
function storedOf(profile: ReturnType<typeof buildProfile>): StoredProfile {
  return { profile, seq: 1, createdAt: new Date(0), updatedAt: new Date(0) };
}

/** A catalog version as the in-memory catalog holds one: entries by id (services/catalog-entries.ts). */
function versionOf(stored: StoredProfile[], campaigns: Campaign[]) {
  const entry = (s: StoredProfile) => catalogEntry(s, { keeping: "memory", records: new RecordArena() });
  return { byId: new Map(stored.map((s) => [s.profile.id, entry(s)])), campaigns };
}

describe("profileEligibility", () => {
  const fresh = storedOf(buildProfile({ id: "fresh" }));
  const released = storedOf(
    buildProfile({
      id: "released",
      detentions: [detention({ status: "released", statusAsOf: "2024-02-01" })],
    }),
  );
  const catalog = versionOf([fresh, released], [campaign]);

  it("finds the profile and its campaign in the catalog version and judges them on the date", async () => {
    const eligible = profileEligibility(catalog, "fresh", opts);
    expect(eligible).toMatchObject({ kind: "eligible", entry: catalog.byId.get("fresh"), campaign });
    expect(eligible.kind === "eligible" && (await eligible.entry.load())).toEqual(fresh);
    expect(profileEligibility(catalog, "released", opts)).toMatchObject({
      kind: "ineligible",
      entry: catalog.byId.get("released"),
      campaign,
      reason: "status",
    });
    expect(profileEligibility(catalog, "fresh", { ...opts, localDate: "2024-06-01" })).toMatchObject({
      kind: "ineligible",
      reason: "stale",
    });
  });

  it("is missing when the version has no such profile, or no campaign for it", () => {
    expect(profileEligibility(catalog, "nobody", opts)).toEqual({ kind: "missing" });
    expect(profileEligibility(versionOf([fresh], []), "fresh", opts)).toEqual({ kind: "missing" });
  });

  it("judges a withheld or taken-down profile as ineligible, not missing", () => {
    const withheld = storedOf(
      buildProfile({ id: "withheld", publication: { visibility: "withheld", takedown } }),
    );
    expect(profileEligibility(versionOf([withheld], [campaign]), "withheld", opts)).toMatchObject({
      kind: "ineligible",
      reason: "taken_down",
    });
  });
});

describe("spotlightPostable", () => {
  it("gives the profile and campaign a spotlight posts, or nothing when it may not be posted", () => {
    const fresh = storedOf(buildProfile({ id: "fresh" }));
    const withheld = storedOf(buildProfile({ id: "withheld", publication: { visibility: "withheld" } }));
    const version = versionOf([fresh, withheld], [campaign]);
    const postable = spotlightPostable(version, opts);
    expect(postable({ profileId: "fresh" })).toEqual({ entry: version.byId.get("fresh"), campaign });
    expect(postable({ profileId: "withheld" })).toBeUndefined();
    expect(postable({ profileId: "nobody" })).toBeUndefined();
  });
});

describe("shownPostOfTheDay", () => {
  const spotlight = {
    id: 1,
    profileId: "fresh",
    localDate: opts.localDate,
    scope: "channel",
    state: "scheduled",
  } as unknown as Spotlight;
  const day = { spotlights: { planned: spotlight }, followsRotation: true, anniversaries: false };

  it("posts the spotlight's whole record when it may be shown", async () => {
    const fresh = storedOf(buildProfile({ id: "fresh" }));
    const shown = await shownPostOfTheDay(versionOf([fresh], [campaign]), opts, day);
    expect(shown).toEqual({ kind: "spotlight", spotlight, post: { stored: fresh, campaign } });
  });

  it("gives way to the rotation when the record read was taken down after the version was judged", async () => {
    const fresh = storedOf(buildProfile({ id: "fresh" }));
    const takenDown = storedOf(
      buildProfile({ id: "fresh", publication: { visibility: "withheld", takedown } }),
    );
    // A record read from the store is as the store holds it now, newer than the head the version judged.
    const entry = catalogEntry(fresh, {
      keeping: "store",
      recent: recentProfiles(),
      repository: { getProfile: async () => takenDown },
    });
    const version = { byId: new Map([["fresh", entry]]), campaigns: [campaign] };
    expect(await shownPostOfTheDay(version, opts, day)).toEqual({ kind: "rotation", anniversaries: false });
    expect(await shownPostOfTheDay(version, opts, { ...day, followsRotation: false })).toEqual({
      kind: "nothing",
    });
  });
});
