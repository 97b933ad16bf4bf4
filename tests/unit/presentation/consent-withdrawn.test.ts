/**
 * Which profile changes take back what delivered posts may show (core/consent.ts): a consent
 * withdrawn or narrowed, a relative removed or no longer a public advocate, the photo removed. Any other
 * edit takes back nothing.
 */
import { describe, expect, it } from "vitest";
import type { Profile } from "../../../src/core/profile.ts";
import { consentWithdrawn } from "../../../src/core/consent.ts";
import { ilgarMammadov } from "./profiles.ts";

const withWife = (
  profile: Profile,
  change: (wife: Profile["family"][number]) => Profile["family"][number],
) => ({
  ...profile,
  family: profile.family.map((m) => (m.id === "vafa" ? change(m) : m)),
});

describe("consentWithdrawn", () => {
  const before = ilgarMammadov();

  it("is true when a relative's consent is withdrawn, narrowed, or the relative is removed", () => {
    expect(
      consentWithdrawn(
        before,
        withWife(before, (w) => ({ ...w, consent: { ...w.consent, status: "withdrawn", scope: [] } })),
      ),
    ).toBe(true);
    expect(
      consentWithdrawn(
        before,
        withWife(before, (w) => ({ ...w, consent: { ...w.consent, scope: ["name"] } })),
      ),
    ).toBe(true);
    expect(
      consentWithdrawn(before, { ...before, family: before.family.filter((m) => m.id !== "vafa") }),
    ).toBe(true);
    expect(
      consentWithdrawn(
        before,
        withWife(before, (w) => ({ ...w, publicAdvocate: false, displayName: undefined })),
      ),
    ).toBe(true);
  });

  it("is true when a consented photo is removed", () => {
    const photo = { url: "https://example.org/p.jpg", credit: "c", license: "l", alt: "a", consent: true };
    expect(consentWithdrawn({ ...before, photo }, before)).toBe(true);
    expect(
      consentWithdrawn(
        { ...before, photo },
        { ...before, photo: { ...photo, url: "https://example.org/q.jpg" } },
      ),
    ).toBe(false);
  });

  it("is false for an edit that takes nothing back, or gives more", () => {
    const edited: Profile = { ...before, summary: { ...before.summary, text: "Edited." } };
    expect(consentWithdrawn(before, edited)).toBe(false);
    expect(consentWithdrawn(before, before)).toBe(false);
    const narrower = withWife(before, (w) => ({ ...w, consent: { ...w.consent, scope: ["name"] } }));
    expect(consentWithdrawn(narrower, before)).toBe(false);
  });
});
