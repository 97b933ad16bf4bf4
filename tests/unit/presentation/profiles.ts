/**
 * Profiles from the 2016 #FreeToBeHome campaign (see the campaign-2016 brief), validated by the real schema
 * so the tests see what an import would store. Local to these tests on purpose: the shared fixture is
 * written elsewhere and its edits must not change what these tests prove.
 */
import {
  type Campaign,
  type CampaignInput,
  campaignSchema,
  type Profile,
  type ProfileInput,
  profileSchema,
} from "../../../src/core/profile.ts";

export const campaign2016: Campaign = campaignSchema.parse({
  id: "free-to-be-home-2016",
  name: "#FreeToBeHome (2016)",
  hashtag: "#FreeToBeHome",
  description: "One story a day of a political prisoner and the family they leave behind.",
  url: "https://medium.com/foggy-bottom/launch-of-freetobehome-political-prisoner-campaign-e25e8e72d541",
  shareText: "{name} and their family are still waiting to be together.",
  historical: { asOf: "2016-12" },
} satisfies CampaignInput);

export const currentCampaign: Campaign = campaignSchema.parse({
  id: "free-to-be-home",
  name: "FreeToBeHome",
  hashtag: "#FreeToBeHome",
  description: "Families of political prisoners.",
  url: "https://example.org/free-to-be-home",
  shareText: "Stand with {name}.",
} satisfies CampaignInput);

const VERIFIED = { lastVerifiedAt: "2024-01-15", verifiedBy: "tests", confidence: "confirmed" } as const;
const PUBLIC = { visibility: "public" } as const;

/** The brief's fields, overridable per test; parsed so defaults apply and cross-field rules hold. */
export function ilgarMammadov(overrides: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse({
    id: "ilgar-mammadov",
    campaign: "free-to-be-home-2016",
    displayName: "Ilgar Mammadov",
    names: [
      { value: "Ilgar Mammadov", kind: "primary" },
      { value: "İlqar Məmmədov", lang: "az", script: "Latn", kind: "native" },
      { value: "Ilgar Mamedov", kind: "alias" },
    ],
    gender: "male",
    country: { code: "AZ" },
    summary: {
      text: "Chairman of the REAL movement, arrested after unrest in Ismayilli and sentenced to seven years.",
      sources: ["irfs"],
    },
    detentions: [
      {
        arrestDate: "2013-02-04",
        detainingCountry: "AZ",
        charges: [{ label: "organising mass riots" }],
        status: "released",
        statusAsOf: "2020-04-23",
        sentence: { asPronounced: "7 years", termMonths: 84 },
        sentenceDate: "2014-03-17",
        release: { date: "2018-08-13", type: "conditional" },
        sources: ["irfs", "news-am"],
      },
    ],
    family: [
      {
        id: "vafa",
        relationship: "wife",
        displayName: "Vafa Mammadova",
        isMinor: false,
        publicAdvocate: true,
        consent: { status: "given", scope: ["name", "quote"] },
        sources: ["state-blog"],
      },
      {
        id: "daughter",
        relationship: "daughter",
        isMinor: true,
        publicAdvocate: false,
        consent: { status: "not_sought" },
      },
    ],
    quotes: [
      {
        text: "It doesn't matter how hard it is, he's my beloved person, my husband, my friend, my confidant and the father of [our] daughter, I will always be next to him.",
        speaker: "vafa",
        lang: "en",
        isTranslation: false,
        source: "state-blog",
      },
    ],
    designations: [{ by: "Amnesty International", kind: "prisoner of conscience", source: "commonspace" }],
    sources: [
      {
        id: "irfs",
        url: "https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/",
        title: "Shaki Appeal Court does not release Ilgar Mammadov",
        publisher: "IRFS",
      },
      {
        id: "news-am",
        url: "https://news.am/eng/news/466159.html",
        title: "Ilgar Mammadov",
        publisher: "news.am",
      },
      {
        id: "commonspace",
        url: "https://commonspace.eu/index.php?m=23&news_id=5525",
        title: "Ilgar Mammadov acquitted",
        publisher: "commonspace.eu",
      },
      {
        id: "state-blog",
        url: "http://2007-2017-blogs.state.gov/stories/2016/12/13/freetobehome-giving-voice-support-political-prisoners.html",
        title: "#FreeToBeHome: Giving Voice in Support of Political Prisoners",
        publisher: "U.S. Department of State",
      },
    ],
    ...VERIFIED,
    publication: PUBLIC,
    ...overrides,
  } satisfies ProfileInput);
}

/** His fiancée was quoted by the campaign without her name: she stays unnamed. */
export function omarMohamedAli(overrides: Partial<ProfileInput> = {}): Profile {
  const source = "mada";
  return profileSchema.parse({
    id: "omar-mohamed-ali",
    campaign: "free-to-be-home-2016",
    displayName: "Omar Mohamed Ali",
    names: [
      { value: "Omar Mohamed Ali", kind: "primary" },
      { value: "Omar Mohammed Ali", kind: "transliteration" },
    ],
    gender: "male",
    country: { code: "EG" },
    summary: {
      text: "Arrested at dinner in Zamalek and sentenced to life by a military court.",
      sources: [source],
    },
    detentions: [
      {
        arrestDate: "2015-06",
        detainingCountry: "EG",
        status: "unknown",
        statusAsOf: "2016-12-19",
        sentence: { asPronounced: "life", life: true },
        sentenceDate: "2016-05",
        sources: [source],
      },
    ],
    family: [
      {
        id: "fiancee",
        relationship: "fiancée",
        isMinor: false,
        publicAdvocate: false,
        consent: { status: "given", scope: ["quote"], basis: "quoted unnamed by the 2016 campaign" },
      },
    ],
    quotes: [
      {
        text: "Everyone who knew Omar loved him.",
        speaker: "fiancee",
        lang: "en",
        isTranslation: false,
        source,
      },
    ],
    sources: [
      {
        id: source,
        url: "https://madamasr.com/en/2016/12/19/news/u/us-ambassador-to-un-calls-for-release-of-egyptian-prisoner-omar-mohamed/",
        title: "US ambassador to UN calls for release of Egyptian prisoner Omar Mohamed",
        publisher: "Mada Masr",
      },
    ],
    ...VERIFIED,
    publication: PUBLIC,
    ...overrides,
  } satisfies ProfileInput);
}

/** Disappeared, no charge; his daughter Raneem speaks under her name and consented to her story. */
export function khalilMatouk(overrides: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse({
    id: "khalil-matouk",
    campaign: "free-to-be-home-2016",
    displayName: "Khalil Matouk",
    names: [
      { value: "Khalil Matouk", kind: "primary" },
      { value: "خليل معتوق", lang: "ar", script: "Arab", kind: "native" },
      { value: "Khalil Maatouk", kind: "alias" },
    ],
    gender: "male",
    country: { code: "SY" },
    summary: {
      text: "Human-rights lawyer who disappeared on his way to work in Damascus.",
      sources: ["amnesty"],
    },
    familyStory: {
      text: "His daughter Raneem was herself detained from February 2013 to June 2014.",
      about: ["raneem"],
      sources: ["syriawise"],
    },
    detentions: [
      {
        arrestDate: "2012-10-02",
        detainingCountry: "SY",
        status: "disappeared",
        statusAsOf: "2023-09",
        sources: ["syriawise"],
      },
    ],
    family: [
      {
        id: "raneem",
        relationship: "daughter",
        displayName: "Raneem Matouk",
        isMinor: false,
        publicAdvocate: true,
        consent: { status: "given", scope: ["name", "quote", "story"] },
      },
    ],
    quotes: [
      {
        text: "I miss the self-confidence he always gave me.",
        speaker: "raneem",
        lang: "ar",
        isTranslation: true,
        source: "amnesty",
      },
    ],
    sources: [
      {
        id: "amnesty",
        url: "https://www.amnesty.org/en/latest/news/2015/10/a-huge-hole-in-our-lives/",
        title: "A huge hole in our lives",
        publisher: "Amnesty International",
      },
      {
        id: "syriawise",
        url: "https://www.syriawise.com/khalil-maatouk-more-than-a-decade-of-forced-disappearance/",
        title: "Khalil Maatouk: more than a decade of forced disappearance",
        publisher: "SyriaWise",
      },
      {
        id: "unused",
        url: "https://example.org/unused",
        title: "Not cited by the card",
        publisher: "Nobody",
      },
    ],
    ...VERIFIED,
    publication: PUBLIC,
    ...overrides,
  } satisfies ProfileInput);
}
