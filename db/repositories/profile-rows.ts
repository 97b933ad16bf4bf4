/**
 * Maps a Profile to its rows and back. Reading back must give exactly what zod produced on import: an
 * optional field that was absent stays absent (never null), and lists keep their order, so an export
 * round-trips and "unchanged" can be decided by deep equality.
 */
import { orderedTranslations } from "./translation-rows.ts";
import { orderedAction } from "../../src/core/profile-actions.ts";
import {
  currentDetention,
  detentionSchema,
  type Profile,
  photoSchema,
  profileObjectSchema,
} from "../../src/core/profile.ts";
import type {
  detentions,
  familyMembers,
  profileDesignations,
  profileNames,
  profileQuotes,
  profileSources,
  profiles,
} from "../schema/index.ts";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
type Select<T extends { $inferSelect: unknown }> = T["$inferSelect"];

/** Every column of a profile's own row that a write sets (seq and the timestamps are the database's). */
export type ProfileRow = Omit<Insert<typeof profiles>, "createdAt" | "updatedAt">;

export interface ProfileChildRows {
  names: Insert<typeof profileNames>[];
  sources: Insert<typeof profileSources>[];
  detentions: Insert<typeof detentions>[];
  family: Insert<typeof familyMembers>[];
  quotes: Insert<typeof profileQuotes>[];
  designations: Insert<typeof profileDesignations>[];
}

export interface LoadedProfileRows {
  profile: Select<typeof profiles>;
  names: Select<typeof profileNames>[];
  sources: Select<typeof profileSources>[];
  detentions: Select<typeof detentions>[];
  family: Select<typeof familyMembers>[];
  quotes: Select<typeof profileQuotes>[];
  designations: Select<typeof profileDesignations>[];
}

/** `{ key: value }` when the column holds a value, `{}` when it is null: absent fields stay absent. */
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * jsonb keeps an object's keys in its own order (shortest first), not the order they were written in.
 * Read back, the objects it holds are put in the schema's order, the order zod gives on import, so an
 * export of what was imported reads as it was written, and two exports of one catalog are the same bytes.
 */
const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
const ORDER = {
  sentence: keysOf(detentionSchema.shape.sentence.unwrap()),
  place: keysOf(detentionSchema.shape.placeOfDetention.unwrap()),
  release: keysOf(detentionSchema.shape.release.unwrap()),
  charge: keysOf(detentionSchema.shape.charges.unwrap().element),
  photo: keysOf(photoSchema),
  story: keysOf(profileObjectSchema.shape.familyStory.unwrap()),
};

function ordered<T extends object | null>(value: T, keys: readonly string[]): T {
  if (value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]])) as T;
}

export function toProfileRow(profile: Profile): ProfileRow {
  const current = currentDetention(profile);
  return {
    id: profile.id,
    campaignId: profile.campaign,
    displayName: profile.displayName,
    gender: profile.gender ?? null,
    birthYear: profile.birthYear ?? null,
    nationality: profile.nationality,
    countryCode: profile.country.code,
    countryLabel: profile.country.label ?? null,
    occupations: profile.occupations,
    affiliations: profile.affiliations,
    tags: profile.tags,
    summaryText: profile.summary.text,
    summarySources: profile.summary.sources,
    familyStory: profile.familyStory ?? null,
    photo: profile.photo ?? null,
    translations: profile.translations ?? null,
    actions: profile.actions ?? null,
    lastVerifiedAt: profile.lastVerifiedAt,
    verifiedBy: profile.verifiedBy,
    confidence: profile.confidence,
    visibility: profile.publication.visibility,
    takedownAt: profile.publication.takedown?.at ?? null,
    takedownBy: profile.publication.takedown?.by ?? null,
    takedownReason: profile.publication.takedown?.reason ?? null,
    currentStatus: current.status,
    statusAsOf: current.statusAsOf,
  };
}

export function toProfileChildRows(profile: Profile): ProfileChildRows {
  const profileId = profile.id;
  return {
    names: profile.names.map((n, position) => ({
      profileId,
      position,
      value: n.value,
      lang: n.lang ?? null,
      script: n.script ?? null,
      kind: n.kind,
      searchable: n.searchable,
    })),
    sources: profile.sources.map((s, position) => ({
      profileId,
      position,
      sourceId: s.id,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt ?? null,
      accessedAt: s.accessedAt ?? null,
    })),
    detentions: profile.detentions.map((d, position) => ({
      profileId,
      position,
      arrestDate: d.arrestDate,
      arrestDateNote: d.arrestDateNote ?? null,
      detainingCountry: d.detainingCountry,
      charges: d.charges,
      status: d.status,
      statusAsOf: d.statusAsOf,
      sentence: d.sentence ?? null,
      sentenceDate: d.sentenceDate ?? null,
      placeOfDetention: d.placeOfDetention ?? null,
      release: d.release ?? null,
      note: d.note ?? null,
      sources: d.sources,
    })),
    family: profile.family.map((m, position) => ({
      profileId,
      position,
      memberId: m.id,
      relationship: m.relationship,
      displayName: m.displayName ?? null,
      isMinor: m.isMinor,
      publicAdvocate: m.publicAdvocate,
      consentStatus: m.consent.status,
      consentScope: m.consent.scope,
      consentBasis: m.consent.basis ?? null,
      consentRecordedAt: m.consent.recordedAt ?? null,
      sources: m.sources,
    })),
    quotes: profile.quotes.map((q, position) => ({
      profileId,
      position,
      text: q.text,
      speaker: q.speaker,
      lang: q.lang,
      isTranslation: q.isTranslation,
      source: q.source,
    })),
    designations: profile.designations.map((d, position) => ({
      profileId,
      position,
      designatedBy: d.by,
      kind: d.kind,
      date: d.date ?? null,
      withdrawn: d.withdrawn ?? null,
      source: d.source,
    })),
  };
}

/** Rebuilds a profile; child rows must already be in position order. */
export function fromProfileRows(rows: LoadedProfileRows): Profile {
  const p = rows.profile;
  return {
    id: p.id,
    campaign: p.campaignId,
    displayName: p.displayName,
    names: rows.names.map((n) => ({
      value: n.value,
      ...optional("lang", n.lang),
      ...optional("script", n.script),
      kind: n.kind,
      searchable: n.searchable,
    })),
    ...optional("gender", p.gender),
    ...optional("birthYear", p.birthYear),
    nationality: p.nationality,
    country: { code: p.countryCode, ...optional("label", p.countryLabel) },
    occupations: p.occupations,
    affiliations: p.affiliations,
    tags: p.tags,
    summary: { text: p.summaryText, sources: p.summarySources },
    ...optional("familyStory", ordered(p.familyStory, ORDER.story)),
    ...optional("photo", ordered(p.photo, ORDER.photo)),
    detentions: rows.detentions.map((d) => ({
      arrestDate: d.arrestDate,
      ...optional("arrestDateNote", d.arrestDateNote),
      detainingCountry: d.detainingCountry,
      charges: d.charges.map((c) => ordered(c, ORDER.charge)),
      status: d.status,
      statusAsOf: d.statusAsOf,
      ...optional("sentence", ordered(d.sentence, ORDER.sentence)),
      ...optional("sentenceDate", d.sentenceDate),
      ...optional("placeOfDetention", ordered(d.placeOfDetention, ORDER.place)),
      ...optional("release", ordered(d.release, ORDER.release)),
      ...optional("note", d.note),
      sources: d.sources,
    })),
    family: rows.family.map((m) => ({
      id: m.memberId,
      relationship: m.relationship,
      ...optional("displayName", m.displayName),
      isMinor: m.isMinor,
      publicAdvocate: m.publicAdvocate,
      consent: {
        status: m.consentStatus,
        scope: m.consentScope,
        ...optional("basis", m.consentBasis),
        ...optional("recordedAt", m.consentRecordedAt),
      },
      sources: m.sources,
    })),
    quotes: rows.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      lang: q.lang,
      isTranslation: q.isTranslation,
      source: q.source,
    })),
    sources: rows.sources.map((s) => ({
      id: s.sourceId,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      ...optional("publishedAt", s.publishedAt),
      ...optional("accessedAt", s.accessedAt),
    })),
    designations: rows.designations.map((d) => ({
      by: d.designatedBy,
      kind: d.kind,
      ...optional("date", d.date),
      ...optional("withdrawn", d.withdrawn),
      source: d.source,
    })),
    lastVerifiedAt: p.lastVerifiedAt,
    verifiedBy: p.verifiedBy,
    confidence: p.confidence,
    publication: {
      ...publicationOf(p),
    },
    ...optional("translations", p.translations === null ? null : orderedTranslations(p.translations)),
    ...optional("actions", p.actions === null ? null : p.actions.map(orderedAction)),
  };
}

/** A profile's publication from its row: a takedown only where all three of its columns are set. */
export function publicationOf(p: {
  visibility: Profile["publication"]["visibility"];
  takedownAt: string | null;
  takedownBy: string | null;
  takedownReason: string | null;
}): Profile["publication"] {
  return {
    visibility: p.visibility,
    ...(p.takedownAt !== null && p.takedownBy !== null && p.takedownReason !== null
      ? { takedown: { at: p.takedownAt, by: p.takedownBy, reason: p.takedownReason } }
      : {}),
  };
}
