/**
 * What /schedule says about spotlights besides "scheduled": which one a channel posts when a channel's own
 * and a community-wide one share a date, when a spotlight posts, and what to do when the date is taken.
 * Every "which one" follows spotlightFor, the rule the delivery and /today apply. A spotlight is named by
 * its person, date and time; its number shows only inside the command that cancels it. Each note is one
 * or more whole sentences in the reader's language.
 */
import type { ChannelRef, CommunityRef } from "../src/core/channel.ts";
import type { CommandInvocation } from "../src/core/command.ts";
import type { MessageKey, Translator } from "../src/core/i18n/translator.ts";
import type { NewSpotlight, Spotlight } from "../src/core/ports/spotlights.ts";
import type { BotServices, Subscription } from "../src/core/services.ts";
import { spotlightFor, spotlightPostTime } from "../src/core/spotlight-rules.ts";

/** A profile id is made from the name: a taken-down profile is named by neither. */
export async function spotlightName(
  services: BotServices,
  tr: Translator,
  spotlight: Spotlight,
): Promise<string> {
  return (
    (await services.catalog.get(spotlight.profileId))?.profile.displayName ?? tr.t("schedule.profileGone")
  );
}

/** "/schedule cancel 12": the one place a spotlight's number is shown, since it must be typed. */
export function cancelCommand(spotlight: Pick<Spotlight, "id">): string {
  return `/schedule cancel ${spotlight.id}`;
}

/** Of three messages, the one for where a spotlight is posted: this channel, this chat, or every channel. */
export function byPlace<K extends MessageKey>(
  spotlight: Pick<Spotlight, "scope">,
  here: Pick<CommandInvocation, "privateChat">,
  keys: { channel: K; chat: K; community: K },
): K {
  if (spotlight.scope === "community") return keys.community;
  return here.privateChat ? keys.chat : keys.channel;
}

/** When this channel posts the spotlight, in the channel's zone as it is now: "09:00" and "Asia/Baku". */
export function postTimeOf(
  services: BotServices,
  spotlight: Pick<Spotlight, "localTime" | "timezone">,
  subscription: Subscription | undefined,
): { time: string; zone: string } {
  const { time, timezone } = spotlightPostTime(spotlight, subscription, services.defaults.postTime);
  return { time, zone: timezone };
}

/**
 * After a spotlight is added: where a spotlight of the other scope shares its date, which of them each
 * channel posts.
 */
export async function precedenceNotes(
  services: BotServices,
  tr: Translator,
  added: Spotlight,
  here: Pick<CommandInvocation, "channel" | "community" | "privateChat">,
): Promise<string[]> {
  const onDate = await services.spotlights.listOnDate(here.community, added.localDate);
  const postedHere = spotlightFor(onDate, here, added.localDate);
  if (added.scope === "channel") {
    if (!postedHere || postedHere.id === added.id) return [];
    return [tr.t("schedule.outrankedHere", { name: await spotlightName(services, tr, postedHere) })];
  }
  const notes: string[] = [];
  const own = onDate.find((s) => s.scope === "channel" && s.channel === here.channel);
  if (own && postedHere?.id === added.id) {
    const key = here.privateChat ? "schedule.insteadOfOwnChat" : "schedule.insteadOfOwnChannel";
    notes.push(tr.t(key, { name: await spotlightName(services, tr, own) }));
  }
  const others = outrankedChannels(onDate, added, here);
  if (others > 0) notes.push(tr.t("schedule.alsoOtherChannels", { count: others }));
  return notes;
}

/** Other channels of the community whose own spotlight on the date the community-wide one outranks. */
function outrankedChannels(
  onDate: readonly Spotlight[],
  communityWide: Spotlight,
  here: { channel: ChannelRef; community: CommunityRef },
): number {
  const channels = new Set(
    onDate.filter((s) => s.scope === "channel" && s.channel !== here.channel).map((s) => s.channel),
  );
  return [...channels].filter((channel) => {
    const posted = spotlightFor(onDate, { channel, community: here.community }, communityWide.localDate);
    return posted?.id === communityWide.id;
  }).length;
}

/**
 * The refusal when the date already has a spotlight in the same place: which one stands (name, date,
 * time) and how to replace it, in the form this platform takes options in.
 */
export async function takenMessage(
  services: BotServices,
  tr: Translator,
  input: { standing: Spotlight; wanted: NewSpotlight; wantedName: string },
  where: { invocation: CommandInvocation; subscription: Subscription | undefined },
): Promise<string> {
  const { standing, wanted, wantedName } = input;
  const standingTime = postTimeOf(services, standing, where.subscription);
  const stands = tr.t(wanted.scope === "community" ? "schedule.takenCommunity" : "schedule.takenHere", {
    name: await spotlightName(services, tr, standing),
    date: tr.date(wanted.localDate),
    ...standingTime,
  });
  const wantedTime = postTimeOf(services, wanted, where.subscription);
  const sameTime = standingTime.time === wantedTime.time && standingTime.zone === wantedTime.zone;
  const samePerson = standing.profileId === wanted.profileId;
  if (samePerson && sameTime) return stands;
  // Discord sends options already split: there the option is named, elsewhere it is typed.
  if (where.invocation.options) {
    const how = samePerson
      ? tr.t("schedule.replaceTimeOption", wantedTime)
      : tr.t("schedule.replaceNameOption", { name: wantedName });
    return `${stands} ${how}`;
  }
  const typed = [
    "/schedule",
    wantedName,
    wanted.localDate,
    wanted.localTime,
    wanted.scope === "community" ? "--community" : undefined,
    "--replace",
  ];
  const command = typed.filter(Boolean).join(" ");
  const how = samePerson
    ? tr.t("schedule.replaceTimeTyped", { ...wantedTime, command })
    : tr.t("schedule.replaceNameTyped", { name: wantedName, command });
  return `${stands} ${how}`;
}

/** After a replacement: which spotlight this one took the place of. */
export async function replacedNote(
  services: BotServices,
  tr: Translator,
  replaced: Spotlight | undefined,
  subscription: Subscription | undefined,
): Promise<string | undefined> {
  if (!replaced) return undefined;
  return tr.t("schedule.replaced", {
    name: await spotlightName(services, tr, replaced),
    ...postTimeOf(services, replaced, subscription),
  });
}
