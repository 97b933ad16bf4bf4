/**
 * The labelled lines of a card. Each field reports the source ids behind it, so the card cites exactly the
 * sources of what it shows (a designation or relative left out takes its source out too).
 */
import type { CardField } from "../core/reply.ts";
import { currentDetention, type Detention, type Profile } from "../core/profile.ts";
import { formatPartialDate } from "../core/partial-date.ts";
import { mayBeNamed } from "./consent.ts";
import {
  capitalize,
  datePhrase,
  describeStatus,
  formatCharges,
  formatDesignation,
  formatSentence,
  isStillDetained,
  relationshipWithPronoun,
} from "./wording.ts";

export interface SourcedFields {
  fields: CardField[];
  sourceIds: string[];
}

/** "23 December 2015 (23 or 24 December 2015: sources differ)": the date and the doubt about it. */
function arrestDate(detention: Detention): string {
  const date = formatPartialDate(detention.arrestDate);
  return detention.arrestDateNote ? `${date} (${detention.arrestDateNote})` : date;
}

/** When the episode began, worded for its status: held now, missing, or a closed range. */
function periodField(detention: Detention): CardField {
  if (isStillDetained(detention.status)) return { label: "Detained since", value: arrestDate(detention) };
  // The authorities deny holding a disappeared person: "detained" would state what nobody can confirm.
  if (detention.status === "disappeared") return { label: "Disappeared since", value: arrestDate(detention) };
  if (detention.release) {
    return {
      label: "Detained",
      value: `${arrestDate(detention)} – ${formatPartialDate(detention.release.date)}`,
    };
  }
  return { label: "Arrested", value: arrestDate(detention) };
}

function earlierEpisodes(profile: Profile, current: Detention): Detention[] {
  return profile.detentions
    .filter((d) => d !== current)
    .sort((a, b) => (a.arrestDate < b.arrestDate ? -1 : a.arrestDate > b.arrestDate ? 1 : 0));
}

function briefly(detention: Detention): string {
  const status = describeStatus(detention);
  return `Arrested ${datePhrase(detention.arrestDate)}, ${status.charAt(0).toLowerCase()}${status.slice(1)}`;
}

export function detentionFields(profile: Profile): SourcedFields {
  const current = currentDetention(profile);
  const fields: CardField[] = [{ label: "Status", value: describeStatus(current) }, periodField(current)];
  const sourceIds = [...current.sources];

  fields.push({ label: "Charges as reported", value: formatCharges(current.charges) });
  const sentence = formatSentence(current);
  if (sentence) fields.push({ label: "Sentence", value: sentence });
  // A prison is named only where curators marked it safe, and only while the person is held there.
  const place = current.placeOfDetention;
  if (place?.publishable && isStillDetained(current.status)) {
    fields.push({ label: "Place of detention", value: place.name });
  }

  const earlier = earlierEpisodes(profile, current);
  if (earlier.length > 0) {
    fields.push({ label: "Earlier detentions", value: earlier.map(briefly).join("; ") });
    for (const d of earlier) sourceIds.push(...d.sources);
  }

  if (profile.designations.length > 0) {
    fields.push({ label: "Designations", value: profile.designations.map(formatDesignation).join("; ") });
    for (const d of profile.designations) sourceIds.push(d.source);
  }

  const advocates = profile.family.filter(mayBeNamed);
  if (advocates.length > 0) {
    const value = advocates
      .map((m) => `${relationshipWithPronoun(m.relationship, profile.gender)}, ${m.displayName}`)
      .join("; ");
    fields.push({ label: "Speaking for the family", value: capitalize(value) });
    for (const m of advocates) sourceIds.push(...m.sources);
  }
  return { fields, sourceIds };
}
