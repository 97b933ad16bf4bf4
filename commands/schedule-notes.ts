/**
 * What /schedule says about spotlights besides "scheduled": which one a channel posts when a channel's own
 * and a community-wide one share a date, when a spotlight posts, and what to do when the date is taken.
 * Every "which one" follows spotlightFor, the rule the delivery and /today apply. A spotlight is named by
 * its person, date and time; its number shows only inside the command that cancels it.
 */
import type { ChannelRef, CommunityRef } from "../src/core/channel.ts";
import type { CommandInvocation } from "../src/core/command.ts";
import { formatPartialDate } from "../src/core/partial-date.ts";
import { thisPlace } from "../src/core/place.ts";
import type { NewSpotlight, Spotlight } from "../src/core/ports/spotlights.ts";
import type { BotServices, Subscription } from "../src/core/services.ts";
import { spotlightFor, spotlightPostTime } from "../src/core/spotlight-rules.ts";

/** A profile id is made from the name: a taken-down profile is named by neither. */
export async function spotlightName(services: BotServices, spotlight: Spotlight): Promise<string> {
  return (
    (await services.catalog.get(spotlight.profileId))?.profile.displayName ??
    "a profile that is no longer public (it will not be posted)"
  );
}

/** "/schedule cancel 12": the one place a spotlight's number is shown, since it must be typed. */
export function cancelCommand(spotlight: Pick<Spotlight, "id">): string {
  return `/schedule cancel ${spotlight.id}`;
}

/** "this channel", "this chat" or "every channel of this community": where a spotlight is posted. */
export function spotlightPlace(
  spotlight: Pick<Spotlight, "scope">,
  here: Pick<CommandInvocation, "privateChat">,
): string {
  return spotlight.scope === "community" ? "every channel of this community" : thisPlace(here);
}

/** "09:00 (Asia/Baku)": when this channel posts the spotlight, in the channel's zone as it is now. */
export function postTimeText(
  services: BotServices,
  spotlight: Pick<Spotlight, "localTime" | "timezone">,
  subscription: Subscription | undefined,
): string {
  const { time, timezone } = spotlightPostTime(spotlight, subscription, services.defaults.postTime);
  return `${time} (${timezone})`;
}

const FIRST = "a community-wide spotlight comes first";

/**
 * After a spotlight is added: where a spotlight of the other scope shares its date, which of them each
 * channel posts.
 */
export async function precedenceNote(
  services: BotServices,
  added: Spotlight,
  here: Pick<CommandInvocation, "channel" | "community" | "privateChat">,
): Promise<string> {
  const onDate = await services.spotlights.listOnDate(here.community, added.localDate);
  const postedHere = spotlightFor(onDate, here, added.localDate);
  if (added.scope === "channel") {
    if (!postedHere || postedHere.id === added.id) return "";
    const name = await spotlightName(services, postedHere);
    return (
      ` On that date the community-wide spotlight of ${name} is posted here instead: ${FIRST}. ` +
      "This one is posted if that one is cancelled."
    );
  }
  const notes: string[] = [];
  const own = onDate.find((s) => s.scope === "channel" && s.channel === here.channel);
  if (own && postedHere?.id === added.id) {
    const name = await spotlightName(services, own);
    notes.push(`It is posted here instead of ${thisPlace(here)}'s own spotlight of ${name}: ${FIRST}.`);
  }
  const others = outrankedChannels(onDate, added, here);
  if (others > 0) {
    const channels = others === 1 ? "1 other channel" : `${others} other channels`;
    notes.push(`It is also posted in ${channels} instead of their own spotlight on that date.`);
  }
  return notes.map((n) => ` ${n}`).join("");
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
  input: { standing: Spotlight; wanted: NewSpotlight; wantedName: string },
  where: { invocation: CommandInvocation; subscription: Subscription | undefined },
): Promise<string> {
  const { standing, wanted, wantedName } = input;
  const place = wanted.scope === "community" ? "for every channel of this community" : "here";
  const standingTime = postTimeText(services, standing, where.subscription);
  const stands =
    `${await spotlightName(services, standing)} is already the spotlight ${place} on ` +
    `${formatPartialDate(wanted.localDate)} at ${standingTime}. Nothing was changed.`;
  const wantedTime = postTimeText(services, wanted, where.subscription);
  if (standing.profileId === wanted.profileId && standingTime === wantedTime) return stands;
  const instead =
    standing.profileId === wanted.profileId
      ? `To post it at ${wantedTime} instead`
      : `To put ${wantedName} in its place`;
  // Discord sends options already split: there the option is named, elsewhere it is typed.
  if (where.invocation.options) return `${stands} ${instead}, run /schedule add again with replace: yes.`;
  const typed = [
    "/schedule",
    wantedName,
    wanted.localDate,
    wanted.localTime,
    wanted.scope === "community" ? "--community" : undefined,
    "--replace",
  ];
  return `${stands} ${instead}, send: ${typed.filter(Boolean).join(" ")}`;
}

/** After a replacement: which spotlight this one took the place of. */
export async function replacedNote(
  services: BotServices,
  replaced: Spotlight | undefined,
  subscription: Subscription | undefined,
): Promise<string> {
  if (!replaced) return "";
  const name = await spotlightName(services, replaced);
  return ` It takes the place of the spotlight of ${name} at ${postTimeText(services, replaced, subscription)}, which is cancelled.`;
}
