/**
 * The labelled lines of a card. Each field reports the source ids behind it, so the card cites exactly the
 * sources of what it shows (a designation or relative left out takes its source out too).
 */
import { detentionDays } from "../core/detention-days.ts";
import { english, type MessageKey, type Translator } from "../core/i18n/translator.ts";
import { currentDetention, type Detention, type Profile } from "../core/profile.ts";
import type { CardField, CardFieldId } from "../core/reply.ts";
import { mayBeNamed } from "./consent.ts";
import { dated, genderOf } from "./grammar.ts";
import {
  capitalize,
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

const LABELS: Readonly<Record<CardFieldId, MessageKey>> = {
  status: "card.fieldStatus",
  detainedSince: "card.fieldDetainedSince",
  disappearedSince: "card.fieldDisappearedSince",
  detained: "card.fieldDetained",
  arrested: "card.fieldArrested",
  charges: "card.fieldCharges",
  sentence: "card.fieldSentence",
  placeOfDetention: "card.fieldPlaceOfDetention",
  earlierDetentions: "card.fieldEarlierDetentions",
  designations: "card.fieldDesignations",
  family: "card.fieldFamily",
};

/** A line with its stable id and its label in the reader's language. */
function line(id: CardFieldId, value: string, tr: Translator): CardField {
  return { id, label: tr.t(LABELS[id]), value };
}

/** "23 December 2015 (23 or 24 December 2015: sources differ)": the date and the doubt about it. */
function arrestDate(detention: Detention, tr: Translator): string {
  const date = tr.date(detention.arrestDate);
  const note = detention.arrestDateNote;
  return note ? tr.t("card.dateWithNote", { date, note }) : date;
}

/** When the episode began, worded for its status: held now, missing, or a closed range. */
function periodField(detention: Detention, tr: Translator): CardField {
  if (isStillDetained(detention.status)) return line("detainedSince", arrestDate(detention, tr), tr);
  // The authorities deny holding a disappeared person: "detained" would state what nobody can confirm.
  if (detention.status === "disappeared") return line("disappearedSince", arrestDate(detention, tr), tr);
  if (detention.release) {
    const range = { from: arrestDate(detention, tr), to: tr.date(detention.release.date) };
    return line("detained", tr.t("card.dateRange", range), tr);
  }
  return line("arrested", arrestDate(detention, tr), tr);
}

/** "Day 1,392 in detention", "Released after 2,017 days in detention": how long, or nothing (detention-days.ts). */
function dayCount(detention: Detention, gender: Profile["gender"], today: string, tr: Translator) {
  const count = detentionDays(detention, today);
  if (!count) return undefined;
  if (count.kind === "held") return tr.t("dates.heldDay", { day: count.day });
  if (count.kind === "disappeared") return tr.t("dates.disappearedDay", { day: count.day });
  return tr.t("dates.releasedAfter", { days: count.days, gender: genderOf(gender) });
}

/** The period line, with the day count as of the reader's date where one is known. */
function periodWithCount(detention: Detention, gender: Profile["gender"], tr: Translator, today?: string) {
  const period = periodField(detention, tr);
  const count = today === undefined ? undefined : dayCount(detention, gender, today, tr);
  return count
    ? { ...period, value: tr.t("dates.periodWithCount", { period: period.value, count }) }
    : period;
}

function earlierEpisodes(profile: Profile, current: Detention): Detention[] {
  return profile.detentions
    .filter((d) => d !== current)
    .sort((a, b) => (a.arrestDate < b.arrestDate ? -1 : a.arrestDate > b.arrestDate ? 1 : 0));
}

/** "Arrested in August 2011, released (sentence served) in 2015". */
function briefly(detention: Detention, gender: Profile["gender"], tr: Translator): string {
  const said = describeStatus(detention, gender, tr);
  const status = `${said.charAt(0).toLocaleLowerCase(tr.language.intl)}${said.slice(1)}`;
  return tr.t("card.earlierDetention", {
    status,
    gender: genderOf(gender),
    ...dated(detention.arrestDate, tr),
  });
}

/** `today`: the reader's local date, for the day count (none without it). */
export function detentionFields(profile: Profile, tr: Translator = english, today?: string): SourcedFields {
  const current = currentDetention(profile);
  const gender = profile.gender;
  const separator = tr.t("card.separator");
  const period = periodWithCount(current, gender, tr, today);
  const fields = [line("status", describeStatus(current, gender, tr), tr), period];
  const sourceIds = [...current.sources];

  fields.push(line("charges", formatCharges(current.charges, tr), tr));
  const sentence = formatSentence(current, gender, tr);
  if (sentence) fields.push(line("sentence", sentence, tr));
  // A prison is named only where curators marked it safe, and only while the person is held there.
  const place = current.placeOfDetention;
  if (place?.publishable && isStillDetained(current.status)) {
    fields.push(line("placeOfDetention", place.name, tr));
  }

  const earlier = earlierEpisodes(profile, current);
  if (earlier.length > 0) {
    fields.push(line("earlierDetentions", earlier.map((d) => briefly(d, gender, tr)).join(separator), tr));
    for (const d of earlier) sourceIds.push(...d.sources);
  }

  if (profile.designations.length > 0) {
    const value = profile.designations.map((d) => formatDesignation(d, gender, tr)).join(separator);
    fields.push(line("designations", value, tr));
    for (const d of profile.designations) sourceIds.push(d.source);
  }

  const advocates = profile.family.filter(mayBeNamed);
  if (advocates.length > 0) {
    const value = advocates
      .map((m) => {
        const relative = relationshipWithPronoun(m.relationship, gender, tr);
        return tr.t("card.familyAdvocate", { relative, name: m.displayName });
      })
      .join(separator);
    fields.push(line("family", capitalize(value, tr), tr));
    for (const m of advocates) sourceIds.push(...m.sources);
  }
  return { fields, sourceIds };
}
