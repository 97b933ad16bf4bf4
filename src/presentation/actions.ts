/**
 * Which calls to action a reader sees, and in which words. One rule for /act and the "What you can do"
 * button: the profile's own actions first, then its campaign's; none older than STALE_AFTER_DAYS (an old
 * address or a closed petition misleads even in a past campaign); a family's own channel only while the
 * relative it belongs to may be named (consent.ts).
 */
import type { Translator } from "../core/i18n/translator.ts";
import { daysBetween } from "../core/partial-date.ts";
import type { Campaign, Profile } from "../core/profile.ts";
import { type Action, profilePageUrl } from "../core/profile-actions.ts";
import type { ReplyButton } from "../core/reply.ts";
import { findMember, mayBeNamed } from "./consent.ts";

/** Whether an action dated `asOf` is too old to show on the local date `today`. */
export function actionIsStale(action: Pick<Action, "asOf">, today: string, staleAfterDays: number): boolean {
  return daysBetween(action.asOf, today) > staleAfterDays;
}

/** The actions to show, in order; each link only once (a profile may repeat its campaign's petition). */
export function currentActions(
  profile: Pick<Profile, "actions" | "family">,
  campaign: Pick<Campaign, "actions">,
  today: string,
  staleAfterDays: number,
): Action[] {
  const seen = new Set<string>();
  const shown: Action[] = [];
  for (const action of [...(profile.actions ?? []), ...(campaign.actions ?? [])]) {
    if (actionIsStale(action, today, staleAfterDays)) continue;
    if (action.kind === "family_channel") {
      const member = findMember(profile, action.member);
      if (!member || !mayBeNamed(member)) continue;
    }
    const key = JSON.stringify([action.kind, "url" in action ? action.url : action.address]);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(action);
  }
  return shown;
}

/** One action in the reader's language: what to do, then its source and date. */
export function actionLines(action: Action, profile: Pick<Profile, "family">, tr: Translator): string[] {
  const source = tr.t("act.source", { url: action.source, date: tr.date(action.asOf) });
  switch (action.kind) {
    case "letter":
      return [
        tr.t("act.letter", { language: tr.languageName(action.writeIn) }),
        ...action.address.split("\n").map((line) => `  ${line.trim()}`),
        ...(action.avoid ? [tr.t("act.letterAvoid", { avoid: action.avoid })] : []),
        source,
      ];
    case "petition":
      return [tr.t("act.petition", { by: action.by, url: action.url }), source];
    case "official":
      return [tr.t("act.official", { name: action.name, role: action.role, url: action.url }), source];
    case "family_channel": {
      const member = findMember(profile, action.member);
      const name = member && mayBeNamed(member) ? member.displayName : "";
      return [tr.t("act.familyChannel", { name, url: action.url }), source];
    }
  }
}

/** The whole answer of /act for one profile: a heading and each action, or plainly that there is none. */
export function actionsText(
  profile: Pick<Profile, "actions" | "family" | "displayName">,
  campaign: Pick<Campaign, "actions">,
  today: string,
  staleAfterDays: number,
  tr: Translator,
): string {
  const actions = currentActions(profile, campaign, today, staleAfterDays);
  const name = profile.displayName;
  if (actions.length === 0) return tr.t("act.none", { name, days: staleAfterDays });
  const blocks = actions.map((a) => actionLines(a, profile, tr).join("\n"));
  return [tr.t("act.heading", { name }), ...blocks].join("\n\n");
}

/**
 * The buttons under a card or a post: "What you can do" (runs `act <id>` for the presser) while the profile
 * has a current action, and "Read more" when the campaign has a page for each profile.
 */
export function actionButtons(
  profile: Pick<Profile, "id" | "actions" | "family">,
  campaign: Pick<Campaign, "actions" | "profileUrl">,
  today: string,
  staleAfterDays: number,
  tr: Translator,
): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  if (currentActions(profile, campaign, today, staleAfterDays).length > 0)
    buttons.push({ kind: "command", label: tr.t("act.whatYouCanDo"), command: "act", args: profile.id });
  const url = profilePageUrl(campaign, profile.id);
  if (url) buttons.push({ kind: "link", label: tr.t("act.readMore"), url });
  return buttons;
}
