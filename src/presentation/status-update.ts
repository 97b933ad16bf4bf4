/**
 * The words of a status update, in the reader's language: the dated "Update" line an edited post carries
 * (said first, in the card's notice, which every platform keeps whole when it fits a card to its limits)
 * and a release announcement. Each names the source of the new status; the card's Sources list links it.
 */
import type { Translator } from "../core/i18n/translator.ts";
import { currentDetention, type Profile, type Source } from "../core/profile.ts";
import type { Card } from "../core/reply.ts";
import type { StatusChange } from "../core/status-update.ts";
import { dated, genderOf } from "./grammar.ts";

/** The change's source in the profile as it is now; the current detention's newest if it was dropped. */
export function changeSource(change: StatusChange, profile: Profile): Source {
  const named = profile.sources.find((s) => s.id === change.sourceId);
  if (named) return named;
  const current = currentDetention(profile);
  const id = current.sources[current.sources.length - 1];
  return profile.sources.find((s) => s.id === id) ?? profile.sources[0]!;
}

/** "Update, as of 5 December 2026: released on 1 December 2026 (source: RFE/RL)." */
export function updateLine(change: StatusChange, profile: Profile, tr: Translator): string {
  const values = {
    asOf: tr.date(change.asOf),
    source: changeSource(change, profile).publisher,
    gender: genderOf(profile.gender),
    ...dated(change.date, tr),
  };
  switch (change.kind) {
    case "released":
      return tr.t("update.released", values);
    case "died_in_custody":
      return tr.t("update.diedInCustody", values);
    case "sentence_changed":
      return tr.t("update.sentenceChanged", { ...values, sentence: change.sentence ?? "" });
  }
}

/** The card with the update line said first, before any notice it already has. */
export function withUpdateLine(card: Card, line: string): Card {
  return { ...card, notice: card.notice ? `${line} ${card.notice}` : line };
}

/** "<name> was released on <date>. Source: <publisher>." and the source's link. */
export function releaseAnnouncement(
  change: StatusChange,
  profile: Profile,
  tr: Translator,
): { text: string; url: string } {
  const source = changeSource(change, profile);
  const text = tr.t("update.announcement", {
    name: profile.displayName,
    gender: genderOf(profile.gender),
    source: source.publisher,
    ...dated(change.date, tr),
  });
  return { text, url: source.url };
}
