/** Which calls to action a reader sees: current ones only, the profile's before its campaign's, with consent. */
import { describe, expect, it } from "vitest";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";
import { type Campaign, campaignSchema, type Profile, profileSchema } from "../../../src/core/profile.ts";
import { actionButtons, actionsText, currentActions } from "../../../src/presentation/actions.ts";
import { validCampaign, validProfile } from "../catalog/fixtures.ts";

const TODAY = "2026-11-24";
const LIMIT = 90;
const source = "https://example.org/actions";
const petition = (url: string, asOf: string, by = "Example Rights") =>
  ({ kind: "petition", url, by, source, asOf }) as const;
const advocate = (consent: "given" | "withdrawn") => ({
  id: "wife",
  relationship: "wife",
  displayName: "Example Advocate",
  isMinor: false,
  publicAdvocate: true,
  consent: { status: consent, scope: ["name" as const] },
});
const channel = {
  kind: "family_channel",
  url: "https://example.org/channel",
  member: "wife",
  source,
  asOf: TODAY,
};

function profile(overrides: object = {}): Profile {
  return profileSchema.parse(validProfile(overrides));
}
function campaign(overrides: object = {}): Campaign {
  return campaignSchema.parse(validCampaign(overrides));
}

describe("currentActions", () => {
  it(`leaves out an action dated more than STALE_AFTER_DAYS (${LIMIT}) before the reader's today`, () => {
    const p = profile({
      actions: [
        petition("https://example.org/old", "2026-08-25"), // 91 days
        petition("https://example.org/edge", "2026-08-26"), // 90 days: still current
      ],
    });
    expect(currentActions(p, campaign(), TODAY, LIMIT).map((a) => "url" in a && a.url)).toEqual([
      "https://example.org/edge",
    ]);
    // A day later, the edge one is too old as well.
    expect(currentActions(p, campaign(), "2026-11-25", LIMIT)).toEqual([]);
  });

  it("puts the profile's own actions before its campaign's, and shows a repeated link once", () => {
    const p = profile({
      actions: [petition("https://example.org/own", TODAY), petition("https://example.org/both", TODAY)],
    });
    const c = campaign({
      actions: [
        petition("https://example.org/both", TODAY, "Campaign"),
        petition("https://example.org/all", TODAY),
      ],
    });
    const shown = currentActions(p, c, TODAY, LIMIT);
    expect(shown.map((a) => "url" in a && a.url)).toEqual([
      "https://example.org/own",
      "https://example.org/both",
      "https://example.org/all",
    ]);
    expect(shown[1]).toMatchObject({ by: "Example Rights" });
  });

  it("shows a campaign's defaults for a profile that lists none", () => {
    const c = campaign({ actions: [petition("https://example.org/all", TODAY)] });
    expect(currentActions(profile(), c, TODAY, LIMIT)).toHaveLength(1);
  });

  it("shows a family's own channel only while the relative may be named, never after consent is withdrawn", () => {
    const given = profile({ family: [advocate("given")], actions: [channel] });
    expect(currentActions(given, campaign(), TODAY, LIMIT)).toHaveLength(1);
    const withdrawn = profile({ family: [advocate("withdrawn")], actions: [channel] });
    expect(currentActions(withdrawn, campaign(), TODAY, LIMIT)).toEqual([]);
    const notPublic = profile({
      family: [{ ...advocate("given"), publicAdvocate: false, displayName: undefined }],
      actions: [channel],
    });
    expect(currentActions(notPublic, campaign(), TODAY, LIMIT)).toEqual([]);
  });
});

describe("actionsText", () => {
  it("says each action, its source and its date in the reader's language", () => {
    const p = profile({
      family: [advocate("given")],
      actions: [
        { kind: "letter", address: "Prison 1\nCity", writeIn: "az", avoid: "the case", source, asOf: TODAY },
        channel,
      ],
    });
    const text = actionsText(p, campaign(), TODAY, LIMIT, translatorFor("es"));
    expect(text).toContain("Qué puedes hacer por Test Person");
    expect(text).toContain("azerbaiyano");
    expect(text).toContain("  Prison 1\n  City");
    expect(text).toContain("the case");
    expect(text).toContain("Example Advocate");
    expect(text).toContain(source);
  });

  it("says plainly when there is no current action, naming the limit", () => {
    const p = profile({ actions: [petition("https://example.org/old", "2026-01-01")] });
    expect(actionsText(p, campaign(), TODAY, LIMIT, english)).toBe(
      "No current action for Test Person; the campaign lists none newer than 90 days.",
    );
  });
});

describe("actionButtons", () => {
  it("offers What you can do only while an action is current, and Read more only with a campaign page", () => {
    const c = campaign({ profileUrl: "https://example.org/prisoners/{id}" });
    expect(
      actionButtons(
        profile({ actions: [petition("https://example.org/p", TODAY)] }),
        c,
        TODAY,
        LIMIT,
        english,
      ),
    ).toEqual([
      { kind: "command", label: "What you can do", command: "act", args: "test-person" },
      { kind: "link", label: "Read more", url: "https://example.org/prisoners/test-person" },
    ]);
    expect(actionButtons(profile(), campaign(), TODAY, LIMIT, english)).toEqual([]);
  });
});
