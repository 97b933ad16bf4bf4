/**
 * The child records of a profile. Each row carries its position in the profile's list; an import replaces
 * a changed profile's children wholesale, so positions never need renumbering. Small nested leaves
 * (charges, sentence, place, release) are jsonb: they are only ever read back with their episode.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from "drizzle-orm/pg-core";
import type { Detention, DetentionStatus, FamilyMember } from "../../src/core/profile.ts";
import { CONSENT_SCOPES, CONSENT_STATUSES, DETENTION_STATUSES, NAME_KINDS } from "../../src/core/profile.ts";
import { allOneOf, isPartialDate, oneOf } from "./checks.ts";
import { profiles } from "./profiles.ts";

const profileId = () =>
  text("profile_id")
    .notNull()
    .references(() => profiles.id, { onDelete: "cascade" });
const position = () => integer("position").notNull();

export const profileNames = pgTable(
  "profile_names",
  {
    profileId: profileId(),
    position: position(),
    value: text("value").notNull(),
    lang: text("lang"),
    script: text("script"),
    kind: text("kind").notNull().$type<(typeof NAME_KINDS)[number]>(),
    searchable: boolean("searchable").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.position] }),
    check("profile_names_kind_known", oneOf(t.kind, NAME_KINDS)),
  ],
);

export const profileSources = pgTable(
  "profile_sources",
  {
    profileId: profileId(),
    position: position(),
    sourceId: text("source_id").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publisher: text("publisher").notNull(),
    publishedAt: text("published_at"),
    accessedAt: date("accessed_at", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.position] }),
    unique("profile_sources_source_id_unique").on(t.profileId, t.sourceId),
  ],
);

export const detentions = pgTable(
  "detentions",
  {
    profileId: profileId(),
    position: position(),
    arrestDate: text("arrest_date").notNull(),
    arrestDateNote: text("arrest_date_note"),
    detainingCountry: text("detaining_country").notNull(),
    charges: jsonb("charges").notNull().$type<Detention["charges"]>(),
    status: text("status").notNull().$type<DetentionStatus>(),
    statusAsOf: text("status_as_of").notNull(),
    sentence: jsonb("sentence").$type<NonNullable<Detention["sentence"]>>(),
    sentenceDate: text("sentence_date"),
    placeOfDetention: jsonb("place_of_detention").$type<NonNullable<Detention["placeOfDetention"]>>(),
    release: jsonb("release").$type<NonNullable<Detention["release"]>>(),
    note: text("note"),
    sources: text("sources").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.position] }),
    check("detentions_status_known", oneOf(t.status, DETENTION_STATUSES)),
    check("detentions_arrest_date_partial_date", isPartialDate(t.arrestDate)),
    check("detentions_status_as_of_partial_date", isPartialDate(t.statusAsOf)),
  ],
);

export const familyMembers = pgTable(
  "family_members",
  {
    profileId: profileId(),
    position: position(),
    memberId: text("member_id").notNull(),
    relationship: text("relationship").notNull(),
    displayName: text("display_name"),
    isMinor: boolean("is_minor").notNull(),
    publicAdvocate: boolean("public_advocate").notNull(),
    consentStatus: text("consent_status").notNull().$type<FamilyMember["consent"]["status"]>(),
    consentScope: text("consent_scope").array().notNull().$type<FamilyMember["consent"]["scope"]>(),
    consentBasis: text("consent_basis"),
    consentRecordedAt: date("consent_recorded_at", { mode: "string" }),
    sources: text("sources").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.position] }),
    unique("family_members_member_id_unique").on(t.profileId, t.memberId),
    check("family_members_consent_status_known", oneOf(t.consentStatus, CONSENT_STATUSES)),
    check("family_members_consent_scope_known", allOneOf(t.consentScope, CONSENT_SCOPES)),
    // Families are at risk by association: a minor is never named, and nothing of theirs is ever shown.
    check("family_members_minor_never_named", sql`${t.displayName} is null or not ${t.isMinor}`),
    check("family_members_minor_nothing_shown", sql`not ${t.isMinor} or cardinality(${t.consentScope}) = 0`),
    check("family_members_named_only_if_advocate", sql`${t.displayName} is null or ${t.publicAdvocate}`),
  ],
);

export const profileQuotes = pgTable(
  "profile_quotes",
  {
    profileId: profileId(),
    position: position(),
    text: text("text").notNull(),
    speaker: text("speaker").notNull(),
    lang: text("lang").notNull(),
    isTranslation: boolean("is_translation").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.position] }),
    // A quote is always someone's in the family: it goes when they go.
    foreignKey({
      name: "profile_quotes_speaker_fk",
      columns: [t.profileId, t.speaker],
      foreignColumns: [familyMembers.profileId, familyMembers.memberId],
    }).onDelete("cascade"),
  ],
);

export const profileDesignations = pgTable(
  "profile_designations",
  {
    profileId: profileId(),
    position: position(),
    designatedBy: text("designated_by").notNull(),
    kind: text("kind").notNull(),
    date: text("date"),
    withdrawn: text("withdrawn"),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.position] })],
);
