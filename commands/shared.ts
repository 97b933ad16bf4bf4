/**
 * Pieces several commands share: turning a profile into a card reply, and a lookup result into the reply
 * that asks the caller to choose.
 */
import type { ChannelRef, CommunityRef } from "../src/core/channel.ts";
import { readChannelClock } from "../src/core/channel-clock.ts";
import type { StoredProfile } from "../src/core/ports/catalog.ts";
import type { Card, Choice, Reply, Visibility } from "../src/core/reply.ts";
import type { BotServices, ProfileLookup } from "../src/core/services.ts";
import { UserError } from "../src/core/errors.ts";
import type { MessageKey, Translator } from "../src/core/i18n/translator.ts";
import type { Campaign } from "../src/core/profile.ts";
import { statusOf } from "../src/core/card-status.ts";

export async function campaignOf(services: BotServices, stored: StoredProfile) {
  const campaign = await services.catalog.campaign(stored.profile.campaign);
  if (!campaign)
    throw new Error(
      `profile ${stored.profile.id} names campaign ${stored.profile.campaign}, which is missing`,
    );
  return campaign;
}

/** The local date in a channel (its subscription's zone, else the default): what a card is judged as of. */
export async function todayHere(services: BotServices, channel: ChannelRef): Promise<string> {
  return (await readChannelClock(services, channel)).clock.today;
}

/** A profile's card as a reply; `today` is the channel's local date (todayHere), for the stale notice. */
export async function cardReply(
  services: BotServices,
  tr: Translator,
  stored: StoredProfile,
  today: string,
  /** `intro`: a line above the card, or one made from it (naming the person as the card does). */
  options: { intro?: string | ((card: Card) => string); visibility?: Visibility } = {},
): Promise<Reply> {
  const campaign = await campaignOf(services, stored);
  const card = services.presenter.card(stored, campaign, today, tr);
  const intro = typeof options.intro === "function" ? options.intro(card) : options.intro;
  // A stale profile is for the one who asked, with its notice: not for the channel, not for sharing.
  const buttons = card.stale ? [] : services.presenter.buttons(stored, campaign, today, tr);
  return {
    kind: "card",
    card,
    ...(card.stale ? {} : { share: services.presenter.shareKit(stored, campaign, tr) }),
    ...(buttons.length > 0 ? { buttons } : {}),
    visibility: card.stale ? "private" : (options.visibility ?? "public"),
    ...(intro ? { intro } : {}),
  };
}

/** Who is asking, in which language, on which local date: what a lookup's reply is written for. */
export interface LookupContext {
  services: BotServices;
  tr: Translator;
  /** The channel's local date (todayHere). */
  today: string;
}

async function choiceFor(
  { services, tr, today }: LookupContext,
  stored: StoredProfile,
  where: { command: string; rest: string },
): Promise<Choice> {
  const { command, rest } = where;
  const card = services.presenter.card(stored, await campaignOf(services, stored), today, tr);
  return {
    label: stored.profile.displayName,
    detail: [card.subtitle, statusOf(card), card.statusAsOf].filter(Boolean).join(" · "),
    command,
    args: [stored.profile.id, rest].filter(Boolean).join(" "),
  };
}

/**
 * The reply for a lookup that did not find exactly one person: a list to pick from (never a silent pick),
 * "did you mean", or a clear "no match", in the reader's language. `rest` is appended to the re-run command
 * (e.g. a date).
 */
export async function unresolvedLookupReply(
  context: LookupContext,
  query: string,
  lookup: Exclude<ProfileLookup, { kind: "found" }>,
  command: string,
  rest = "",
): Promise<Reply> {
  if (lookup.kind === "none") {
    throw new UserError({ key: "commands.noMatch", values: { query } }, "PROFILE_NOT_FOUND");
  }
  const choices = await Promise.all(
    lookup.candidates.slice(0, 10).map((c) => choiceFor(context, c, { command, rest })),
  );
  const key = lookup.kind === "several" ? "commands.severalMatch" : "commands.didYouMean";
  const prompt = context.tr.t(key, { query });
  return { kind: "choices", prompt, choices, visibility: "private" };
}

/** A command's profile when a name is optional: the named one, found as /prisoner finds it, or today's family. */
export type NamedOrToday =
  | { kind: "profile"; stored: StoredProfile; today: string; campaign: Campaign; card: Card }
  /** The name matched several profiles, or none exactly: the reply that says so. */
  | { kind: "reply"; reply: Reply };

/**
 * /share and /act: the profile a name points to (public profiles only, never a silent pick among
 * several), as of the channel's today, with its campaign and card; without a name, today's family here,
 * or the user error `nothingToday` (a message taking the command to use, `/<command> <name>`).
 */
export async function namedOrToday(
  {
    services,
    invocation,
    tr,
  }: { services: BotServices; invocation: { channel: ChannelRef; community: CommunityRef }; tr: Translator },
  name: string | undefined,
  command: string,
  nothingToday: MessageKey,
): Promise<NamedOrToday> {
  const found = async (stored: StoredProfile, today: string): Promise<NamedOrToday> => {
    const campaign = await campaignOf(services, stored);
    const card = services.presenter.card(stored, campaign, today, tr);
    return { kind: "profile", stored, today, campaign, card };
  };
  if (name) {
    const [lookup, today] = await Promise.all([
      services.catalog.lookup(name),
      todayHere(services, invocation.channel),
    ]);
    if (lookup.kind === "found") return found(lookup.profile, today);
    return {
      kind: "reply",
      reply: await unresolvedLookupReply({ services, tr, today }, name, lookup, command),
    };
  }
  const featured = await services.featured.forChannel(invocation.channel, invocation.community);
  if (!featured)
    throw new UserError(
      { key: nothingToday, values: { command: `/${command} <name>` } },
      "NOTHING_TO_FEATURE",
    );
  return found(featured.profile, featured.localDate);
}
