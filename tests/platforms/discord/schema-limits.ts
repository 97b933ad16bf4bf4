/**
 * A profile at the schema's limits, turned into a card and share kit by the real presentation code, so the
 * platform tests see what the core can really hand them: a past campaign's notice, many detentions, 30
 * charges, 30 designations, a 950-character quote, 30 sources, and text that tries to format and ping on
 * both Discord and Slack. Shared by the Discord and Slack suites.
 */
import { campaignSchema, profileSchema } from "../../../src/core/profile.ts";
import type { Card, ReplyButton, ShareKit } from "../../../src/core/reply.ts";
import { actionButtons } from "../../../src/presentation/actions.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { buildShareKit } from "../../../src/presentation/share.ts";
import { english } from "../../../src/core/i18n/translator.ts";

export const LIMITS_HOSTILE =
  "**@everyone** <@123456789012345678> <!channel> <!here> <@U123ABC> [x](https://evil.example) > `c` & _i_ ";

/** `text` repeated and cut to exactly `length` characters (schema maxima are in characters). */
export const fill = (length: number, text = LIMITS_HOSTILE) =>
  text
    .repeat(Math.ceil(length / text.length))
    .slice(0, length)
    .trim();

const SOURCE_COUNT = 30;
const sourceId = (i: number) => `source-${i}`;

const detention = (year: number, current: boolean) => ({
  arrestDate: `${year}-03-14`,
  arrestDateNote: fill(120),
  detainingCountry: "AZ",
  charges: Array.from({ length: 30 }, (_, i) => ({
    label: `${fill(80)} ${i}`,
    statute: `Article ${200 + i}`,
  })),
  status: current ? "sentenced" : "released",
  statusAsOf: current ? "2020-04-23" : `${year + 1}-01-01`,
  sentence: current ? { asPronounced: "13 years, 9 months and 7 days", termMonths: 165 } : undefined,
  placeOfDetention: current ? { name: fill(150), publishable: true } : undefined,
  release: current ? undefined : { date: `${year + 1}-01-01`, type: "served" },
  sources: [sourceId(year % SOURCE_COUNT)],
});

export function limitsProfile() {
  const sources = Array.from({ length: SOURCE_COUNT }, (_, i) => ({
    id: sourceId(i),
    url: `https://news.example.org/2020/a_(b)/${"long-path-".repeat(12)}${i}?q=1&r=<2>`,
    title: `${fill(200)} ${i}`,
    publisher: fill(100),
  }));
  const wife = {
    id: "wife",
    relationship: "wife",
    displayName: fill(120),
    isMinor: false,
    publicAdvocate: true,
    consent: { status: "given", scope: ["name", "quote", "story"] },
    sources: [sourceId(1)],
  };
  return profileSchema.parse({
    id: "limits",
    campaign: "limits-campaign",
    displayName: fill(200),
    names: [
      { value: fill(200), kind: "primary" },
      ...Array.from({ length: 5 }, (_, i) => ({ value: `${fill(190)} ${i}`, kind: "native" })),
    ],
    gender: "male",
    country: { code: "AZ", label: fill(200) },
    summary: { text: fill(1500), sources: sources.map((s) => s.id) },
    familyStory: { text: fill(1500), about: ["wife"], sources: [sourceId(2)] },
    photo: {
      url: "https://img.example.org/p.jpg",
      credit: fill(200),
      license: "CC BY",
      alt: fill(300),
      consent: true,
    },
    detentions: [
      ...Array.from({ length: 12 }, (_, i) => detention(1990 + i * 2, false)),
      detention(2016, true),
    ],
    family: [wife],
    quotes: [{ text: fill(950), speaker: "wife", lang: "az", isTranslation: true, source: sourceId(3) }],
    sources,
    designations: Array.from({ length: 30 }, (_, i) => ({
      by: fill(60),
      kind: `political prisoner ${i}`,
      date: "2017-05",
      source: sourceId(i),
    })),
    lastVerifiedAt: "2024-01-01",
    verifiedBy: "tests",
    actions: limitsActions(true),
    confidence: "unconfirmed",
    publication: { visibility: "public" },
  });
}

export function limitsCampaign() {
  return campaignSchema.parse({
    id: "limits-campaign",
    name: fill(300),
    hashtag: "#FreeToBeHome",
    description: fill(1000),
    url: "https://freetobehome.example.org/?a=1&b=2",
    shareText: `{name} ${fill(480)}`,
    historical: { asOf: "2016-12", note: fill(400) },
    profileUrl: "https://freetobehome.example.org/prisoners/{id}?a=1&b=<2>",
    actions: limitsActions(false),
  });
}

/** Ten actions at their longest, every kind (the family's channel only on the profile, which has a family). */
function limitsActions(profile: boolean) {
  const common = { source: `https://act.example.org/${"long-path-".repeat(12)}?q=<1>`, asOf: "2026-11-01" };
  const kinds = [
    { kind: "letter", address: fill(500), writeIn: "az", avoid: fill(500), ...common },
    { kind: "petition", url: "https://petition.example.org/sign?a=1&b=<2>", by: fill(200), ...common },
    { kind: "official", name: fill(200), role: fill(200), url: "https://gov.example.org/c?x=1", ...common },
    profile
      ? { kind: "family_channel", url: "https://channel.example.org/wife", member: "wife", ...common }
      : { kind: "petition", url: "https://petition.example.org/campaign", by: fill(200), ...common },
  ];
  // Each link once: the same link twice is shown once.
  return Array.from({ length: 10 }, (_, i) => {
    const action = kinds[i % kinds.length]!;
    return "url" in action
      ? { ...action, url: `${action.url}&n=${i}` }
      : { ...action, address: `${fill(490)} ${i}` };
  });
}

/** The buttons of the profile at the limits, in English, as of the contract's date. */
export function limitsButtons(): ReplyButton[] {
  return actionButtons(limitsProfile(), limitsCampaign(), "2026-11-24", 90, english);
}

export function limitsCard(): Card {
  return buildCard(limitsProfile(), limitsCampaign());
}

export function limitsShareKit(): ShareKit {
  return buildShareKit(limitsProfile(), limitsCampaign());
}
