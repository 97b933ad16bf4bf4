/**
 * The profile and campaign schemas: the one definition of what a record holds (see the data-model brief).
 * Import validates files with them, the database stores what they accept, and the TypeScript types come
 * from them. Objects are strict, so a misspelt field is reported rather than silently dropped.
 */
import { z } from "zod";
import { LANGUAGE_TAGS } from "./i18n/languages.ts";
import { isoDateSchema, partialDateSchema } from "./partial-date.ts";
import {
  adultBirthYear,
  countryCode,
  futureProblem,
  latestObservableDay,
  observedDate,
} from "./plausible-values.ts";
import { campaignTranslationsSchema, checkCampaignTranslations } from "./campaign-translations.ts";
import { checkTranslations, TRANSLATION_MODES, translationsSchema } from "./profile-translations.ts";
import { actionsSchema, checkActions, profileUrlSchema } from "./profile-actions.ts";
import { webUrl } from "./web-url.ts";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "expected a slug: lower-case letters, digits and single hyphens",
  })
  .max(80);
const text = z.string().trim().min(1, { error: "must not be empty" });

/** Deliberately loose: one @, something on both sides, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const NAME_KINDS = ["primary", "native", "transliteration", "alias", "former", "short"] as const;
export const nameSchema = z.strictObject({
  value: text.max(200),
  /** BCP 47 language tag, e.g. "az", "uk", "ar". */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: "expected a language tag such as az" })
    .optional(),
  /** ISO 15924 script code, e.g. Latn, Cyrl, Arab, Hans. */
  script: z
    .string()
    .regex(/^[A-Z][a-z]{3}$/, { error: "expected an ISO 15924 script code such as Latn" })
    .optional(),
  kind: z.enum(NAME_KINDS),
  searchable: z.boolean().default(true),
});

export const sourceSchema = z.strictObject({
  id: slug,
  url: webUrl,
  title: text,
  publisher: text,
  publishedAt: partialDateSchema.optional(),
  /** When a curator last read it; absent when the source was taken from a brief and not re-read. */
  accessedAt: observedDate(isoDateSchema, "accessedAt").optional(),
});

/** Claims carry the ids of the sources that support them. */
const sourceRefs = z.array(slug).min(1, { error: "every claim needs at least one source id" });

export const DETENTION_STATUSES = [
  "pretrial_detention",
  "on_trial",
  "sentenced",
  "house_arrest",
  "disappeared",
  "conditionally_released",
  "released",
  "exiled",
  "died_in_custody",
  "died",
  "unknown",
] as const;
export type DetentionStatus = (typeof DETENTION_STATUSES)[number];

/** Still detained, on trial, disappeared or unknown: the statuses featured unless a campaign says otherwise. */
export const DEFAULT_FEATURED_STATUSES: readonly DetentionStatus[] = [
  "pretrial_detention",
  "on_trial",
  "sentenced",
  "house_arrest",
  "disappeared",
  "unknown",
];

export const RELEASE_TYPES = [
  "served",
  "parole",
  "pardon",
  "acquittal",
  "exchange",
  "amnesty",
  "conditional",
  "other",
] as const;

export const detentionSchema = z.strictObject({
  arrestDate: partialDateSchema,
  /** Where sources disagree or the date is approximate ("23 or 24 December 2015"). */
  arrestDateNote: text.optional(),
  detainingCountry: countryCode,
  charges: z.array(z.strictObject({ label: text, statute: text.optional() })).default([]),
  status: z.enum(DETENTION_STATUSES),
  statusAsOf: observedDate(partialDateSchema, "statusAsOf"),
  sentence: z
    .strictObject({
      /** As reported: "7 years", "13 years, 9 months and 7 days". */
      asPronounced: text,
      termMonths: z.number().int().positive().optional(),
      /** Where the term to serve differs from the one pronounced (concurrent terms). */
      servedTermMonths: z.number().int().positive().optional(),
      life: z.boolean().optional(),
    })
    .optional(),
  sentenceDate: partialDateSchema.optional(),
  placeOfDetention: z.strictObject({ name: text, publishable: z.boolean() }).optional(),
  release: z
    .strictObject({ date: partialDateSchema, type: z.enum(RELEASE_TYPES), note: text.optional() })
    .optional(),
  note: text.optional(),
  sources: sourceRefs,
});

export const CONSENT_STATUSES = ["given", "not_sought", "refused", "withdrawn"] as const;
export const CONSENT_SCOPES = ["name", "quote", "photo", "location", "story"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const familyMemberSchema = z.strictObject({
  id: slug,
  /** Seen from the prisoner: "wife", "daughter", "fiancée". */
  relationship: text,
  /** Only for an adult who speaks publicly under this name. */
  displayName: text.optional(),
  isMinor: z.boolean(),
  publicAdvocate: z.boolean(),
  consent: z.strictObject({
    status: z.enum(CONSENT_STATUSES),
    scope: z.array(z.enum(CONSENT_SCOPES)).default([]),
    /** Why the scope is what it is, e.g. "public statements quoted by the 2016 campaign". */
    basis: text.optional(),
    recordedAt: observedDate(isoDateSchema, "recordedAt").optional(),
  }),
  sources: z.array(slug).default([]),
});

export const quoteSchema = z.strictObject({
  text: text.max(1000),
  /** The family member's id. */
  speaker: slug,
  lang: z.string().min(2),
  isTranslation: z.boolean(),
  source: slug,
});

export const designationSchema = z.strictObject({
  by: text,
  /** "prisoner of conscience", "political prisoner". */
  kind: text,
  date: partialDateSchema.optional(),
  withdrawn: partialDateSchema.optional(),
  source: slug,
});

export const photoSchema = z.strictObject({
  url: webUrl,
  credit: text,
  license: text,
  alt: text,
  consent: z.boolean(),
});

export const publicationSchema = z.strictObject({
  visibility: z.enum(["public", "withheld"]),
  takedown: z
    .strictObject({
      at: z
        .string()
        .datetime({ offset: true })
        .superRefine((at, ctx) => {
          const latest = latestObservableDay(new Date());
          if (Date.parse(at) > Date.parse(`${latest}T23:59:59.999Z`))
            ctx.addIssue({ code: "custom", message: futureProblem("takedown.at", at, latest) });
        }),
      by: text,
      reason: text,
    })
    .optional(),
});

export const profileObjectSchema = z.strictObject({
  id: slug,
  campaign: slug,
  displayName: text.max(200),
  names: z.array(nameSchema).min(1),
  gender: z.enum(["female", "male", "other"]).optional(),
  birthYear: adultBirthYear.optional(),
  nationality: z.array(countryCode).default([]),
  /** Shown on the card; a label where the country code alone would mislead ("Crimea (occupied by Russia), Ukraine"). */
  country: z.strictObject({ code: countryCode, label: text.optional() }),
  occupations: z.array(text).default([]),
  affiliations: z.array(text).default([]),
  tags: z.array(slug).default([]),
  /** Our own neutral words. */
  summary: z.strictObject({ text: text.max(1500), sources: sourceRefs }),
  /** The family's story in our own words; shown only while every member it names has consented to "story". */
  familyStory: z
    .strictObject({ text: text.max(1500), about: z.array(slug).min(1), sources: sourceRefs })
    .optional(),
  photo: photoSchema.optional(),
  detentions: z.array(detentionSchema).min(1),
  family: z.array(familyMemberSchema).default([]),
  quotes: z.array(quoteSchema).default([]),
  sources: z.array(sourceSchema).min(1),
  designations: z.array(designationSchema).default([]),
  lastVerifiedAt: observedDate(isoDateSchema, "lastVerifiedAt"),
  verifiedBy: text,
  confidence: z.enum(["confirmed", "unconfirmed"]),
  publication: publicationSchema,
  /** The texts a post shows, in other languages (profile-translations.ts); absent when there are none. */
  translations: translationsSchema.optional(),
  /** What a reader can do (profile-actions.ts), shown before the campaign's own; absent when there are none. */
  actions: actionsSchema.optional(),
});

type ProfileShape = z.infer<typeof profileObjectSchema>;
const issueOn = (ctx: z.RefinementCtx) => (path: (string | number)[], message: string) =>
  ctx.addIssue({ code: "custom", path, message });

/** Cross-field rules: references resolve, and nobody is named who must not be. */
function checkProfile(profile: ProfileShape, ctx: z.RefinementCtx): void {
  const sourceIds = new Set<string>();
  profile.sources.forEach((source, i) => {
    if (sourceIds.has(source.id))
      ctx.addIssue({
        code: "custom",
        path: ["sources", i, "id"],
        message: `duplicate source id "${source.id}"`,
      });
    sourceIds.add(source.id);
  });
  const checkRef = (id: string, path: (string | number)[]) => {
    if (!sourceIds.has(id))
      ctx.addIssue({
        code: "custom",
        path,
        message: `unknown source id "${id}"; known: ${[...sourceIds].join(", ")}`,
      });
  };
  profile.summary.sources.forEach((id, i) => checkRef(id, ["summary", "sources", i]));
  profile.familyStory?.sources.forEach((id, i) => checkRef(id, ["familyStory", "sources", i]));
  profile.detentions.forEach((d, i) =>
    d.sources.forEach((id, j) => checkRef(id, ["detentions", i, "sources", j])),
  );
  profile.quotes.forEach((q, i) => checkRef(q.source, ["quotes", i, "source"]));
  profile.designations.forEach((d, i) => checkRef(d.source, ["designations", i, "source"]));
  profile.family.forEach((m, i) => m.sources.forEach((id, j) => checkRef(id, ["family", i, "sources", j])));

  const family = new Map<string, (typeof profile.family)[number]>();
  profile.family.forEach((member, i) => {
    if (family.has(member.id))
      ctx.addIssue({
        code: "custom",
        path: ["family", i, "id"],
        message: `duplicate family member id "${member.id}"`,
      });
    family.set(member.id, member);
    if (member.displayName !== undefined && member.isMinor) {
      ctx.addIssue({
        code: "custom",
        path: ["family", i, "displayName"],
        message: "a minor is never named: remove displayName and refer to the role",
      });
    }
    if (member.displayName !== undefined && !member.publicAdvocate) {
      ctx.addIssue({
        code: "custom",
        path: ["family", i, "displayName"],
        message:
          "only a relative who speaks publicly under their own name may be named (publicAdvocate: true)",
      });
    }
    if (member.isMinor && member.consent.scope.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["family", i, "consent", "scope"],
        message: "a minor's name, words, photo or location are never shown: scope must be empty",
      });
    }
  });
  profile.quotes.forEach((quote, i) => {
    if (!family.has(quote.speaker))
      ctx.addIssue({
        code: "custom",
        path: ["quotes", i, "speaker"],
        message: `unknown family member id "${quote.speaker}"`,
      });
  });
  profile.familyStory?.about.forEach((id, i) => {
    if (!family.has(id))
      ctx.addIssue({
        code: "custom",
        path: ["familyStory", "about", i],
        message: `unknown family member id "${id}"`,
      });
  });
  if (profile.photo && !profile.photo.consent)
    issueOn(ctx)(["photo", "consent"], "a photo is kept only with consent");
  if (profile.translations) {
    const current = currentDetention(profile);
    checkTranslations(
      profile.translations,
      {
        familyStory: profile.familyStory,
        quotes: profile.quotes,
        current,
        currentIndex: profile.detentions.indexOf(current),
      },
      issueOn(ctx),
    );
  }
  if (profile.actions) checkActions(profile.actions, ["actions"], new Set(family.keys()), issueOn(ctx));
  if (profile.publication.takedown && profile.publication.visibility !== "withheld") {
    ctx.addIssue({
      code: "custom",
      path: ["publication", "visibility"],
      message: 'a profile that is taken down must be "withheld"',
    });
  }
}

export const profileSchema = profileObjectSchema.superRefine(checkProfile);
export type Profile = z.infer<typeof profileSchema>;
/** What a file may hold before defaults are applied. */
export type ProfileInput = z.input<typeof profileSchema>;
export type Detention = Profile["detentions"][number];
export type FamilyMember = Profile["family"][number];
export type Source = Profile["sources"][number];
export type Quote = Profile["quotes"][number];
export type { CampaignTranslation } from "./campaign-translations.ts";
export type { ProfileTranslation, TranslationMode } from "./profile-translations.ts";

export const campaignSchema = z
  .strictObject({
    id: slug,
    name: text,
    hashtag: z.string().regex(/^#[\p{L}\p{N}_]+$/u, { error: "expected a hashtag such as #FreeToBeHome" }),
    description: text.max(1000),
    /** The call to action: where people learn more and act. */
    url: webUrl,
    /** The campaign's page for one profile, "{id}" standing for its id (profile-actions.ts). */
    profileUrl: profileUrlSchema.optional(),
    /** The share text; {name} is replaced with the profile's name. */
    shareText: text.max(500),
    /** A campaign of the past: its posts say plainly that statuses are as of an earlier date. */
    historical: z
      .strictObject({ asOf: observedDate(partialDateSchema, "historical.asOf"), note: text.optional() })
      .optional(),
    /** Overrides DEFAULT_FEATURED_STATUSES for this campaign's rotation. */
    featuredStatuses: z.array(z.enum(DETENTION_STATUSES)).min(1).optional(),
    /**
     * Where people send corrections and takedown requests, shown by /help: an e-mail address or an http(s)
     * URL. Default: see correctionsContact (core/corrections.ts).
     */
    correctionsContact: z
      .string()
      .trim()
      .refine((v) => EMAIL.test(v) || (URL.canParse(v) && /^https?:\/\//i.test(v)), {
        error: "expected an e-mail address (corrections@example.org) or an http or https URL",
      })
      .optional(),
    /** The language the campaign's profiles are written in; absent: DEFAULT_SOURCE_LANGUAGE (English). */
    sourceLanguage: z.enum(LANGUAGE_TAGS).optional(),
    /** "reviewed-only" keeps unreviewed translations out of posts; absent: DEFAULT_TRANSLATION_MODE ("all"). */
    translations: z.enum(TRANSLATION_MODES).optional(),
    /** The campaign's own texts in other languages (campaign-translations.ts); absent when there are none. */
    textTranslations: campaignTranslationsSchema.optional(),
    /** What a reader can do for any of the campaign's profiles, shown after a profile's own. */
    actions: actionsSchema.optional(),
    /** The campaign used when a subscription names none; at most one may be the default. */
    isDefault: z.boolean().default(false),
  })
  .superRefine((campaign, ctx) => {
    checkCampaignTranslations(campaign, issueOn(ctx));
    // A campaign has no family: a family's own channel belongs to one profile.
    if (campaign.actions) checkActions(campaign.actions, ["actions"], undefined, issueOn(ctx));
  });
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;

/** The current episode: the latest by arrest date (re-arrest is common). */
export function currentDetention<D extends Pick<Detention, "arrestDate"> = Detention>(profile: {
  detentions: readonly D[];
}): D {
  const sorted = [...profile.detentions].sort((a, b) =>
    a.arrestDate < b.arrestDate ? -1 : a.arrestDate > b.arrestDate ? 1 : 0,
  );
  return sorted[sorted.length - 1]!;
}
