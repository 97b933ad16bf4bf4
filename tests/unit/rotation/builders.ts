/**
 * Realistic profiles and campaigns for the rotation tests, validated by the real schemas so that a test
 * never passes on a record the importer would refuse. Local to these tests on purpose.
 */
import {
  type Campaign,
  type CampaignInput,
  campaignSchema,
  type Profile,
  type ProfileInput,
  profileSchema,
} from "../../../src/core/profile.ts";

type Detention = ProfileInput["detentions"][number];
type Member = NonNullable<ProfileInput["family"]>[number];

export function detention(overrides: Partial<Detention> = {}): Detention {
  return {
    arrestDate: "2013-02-04",
    detainingCountry: "AZ",
    charges: [{ label: "organising mass riots" }],
    status: "sentenced",
    statusAsOf: "2016-12",
    sentence: { asPronounced: "7 years", termMonths: 84 },
    sentenceDate: "2014-03-17",
    sources: ["irfs-appeal"],
    ...overrides,
  };
}

export function familyMember(overrides: Partial<Member> = {}): Member {
  return {
    id: "wife",
    relationship: "wife",
    displayName: "Vafa Mammadova",
    isMinor: false,
    publicAdvocate: true,
    consent: { status: "given", scope: ["name", "quote"], basis: "public statements quoted in 2016" },
    sources: ["state-blog"],
    ...overrides,
  };
}

export function buildProfile(overrides: Partial<ProfileInput> = {}): Profile {
  const input: ProfileInput = {
    id: "ilgar-mammadov",
    campaign: "freetobehome-2016",
    displayName: "Ilgar Mammadov",
    names: [
      { value: "Ilgar Mammadov", kind: "primary", lang: "en", script: "Latn" },
      { value: "İlqar Məmmədov", kind: "native", lang: "az", script: "Latn" },
    ],
    country: { code: "AZ" },
    summary: {
      text: "Chairman of the REAL movement, arrested after unrest in 2013.",
      sources: ["irfs-appeal"],
    },
    detentions: [detention()],
    family: [familyMember()],
    sources: [
      {
        id: "irfs-appeal",
        url: "https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/",
        title: "Shaki Appeal Court does not release Ilgar Mammadov",
        publisher: "IRFS",
      },
      {
        id: "state-blog",
        url: "http://2007-2017-blogs.state.gov/stories/2016/12/13/freetobehome-giving-voice-support-political-prisoners.html",
        title: "#FreeToBeHome: Giving Voice in Support of Political Prisoners",
        publisher: "U.S. Department of State",
      },
    ],
    lastVerifiedAt: "2024-01-10",
    verifiedBy: "curator",
    confidence: "confirmed",
    publication: { visibility: "public" },
    ...overrides,
  };
  return profileSchema.parse(input);
}

export function buildCampaign(overrides: Partial<CampaignInput> = {}): Campaign {
  return campaignSchema.parse({
    id: "freetobehome-2016",
    name: "#FreeToBeHome",
    hashtag: "#FreeToBeHome",
    description: "One story a day about a political prisoner and the family they leave behind.",
    url: "https://share.america.gov/imprisoned-for-what-they-believe/",
    shareText: "{name} should be free to be home. #FreeToBeHome",
    ...overrides,
  });
}
