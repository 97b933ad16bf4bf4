/**
 * /subscribe [time] [timezone] [campaign] [--language <code>] [anniversaries on|off] [updates on|off]
 * [mention <role>|none] [silent on|off] [crosspost on|off] [previews on|off]: the daily featured family in
 * this channel (one subscription per channel), in the topic it is typed in. Every answer says whether
 * anniversaries and release announcements (`updates`) are on, and the post options the platform has.
 */
import { z } from "zod";
import { actorOf } from "../src/core/actor.ts";
import { channelZone, nextPostOf } from "../src/core/channel-clock.ts";
import { thisPlace } from "../src/core/place.ts";
import { defineCommand } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { findUserLanguage, type LanguageTag } from "../src/core/i18n/languages.ts";
import { type MessageKey, translatorFor } from "../src/core/i18n/translator.ts";
import type { Subscription } from "../src/core/services.ts";
import { isTimeToken, isZoneToken, looksLikeTime, timeOfDay, timeZone } from "./arguments.ts";
import { localDateTime } from "../src/core/i18n/local-time.ts";
import { languageChoices } from "./language.ts";
import { chooseCampaign } from "./subscribe-campaign.ts";
import { OPTION_WORDS, postOptionLines, postOptionsChange, takeNamed } from "./subscribe-options.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stopped or paused subscription started again reads as subscribing, not as a change of settings. */
function messageFor(existing: Subscription | undefined, privateChat: boolean | undefined): MessageKey {
  if (existing?.state === "active") return privateChat ? "subscribe.updatedChat" : "subscribe.updatedChannel";
  if (existing?.state === "paused") return privateChat ? "subscribe.resumedChat" : "subscribe.resumedChannel";
  return privateChat ? "subscribe.subscribedChat" : "subscribe.subscribedChannel";
}

export const subscribe = defineCommand({
  name: "subscribe",
  description: "Post the daily featured family here (moderators)",
  usage:
    "/subscribe [HH:MM] [time zone] [campaign] [--language <code>] [anniversaries on|off] [updates on|off] [mention <role>|none] [silent on|off] [crosspost on|off] [previews on|off]",
  moderatorOnly: true,
  options: [
    { name: "time", description: "Local time of day, HH:MM (24-hour)", required: false },
    { name: "timezone", description: "IANA time zone, e.g. Europe/Baku", required: false },
    { name: "campaign", description: "Campaign id (default: the default campaign)", required: false },
    { name: "language", description: "Language of the posts here, e.g. fa or es", required: false },
    {
      name: "anniversaries",
      description: "on or off: a family first on the anniversary of an arrest or sentence",
      required: false,
    },
    { name: "updates", description: "Release announcements here: on or off", required: false },
    {
      name: "mention",
      description: "A role to mention with each post; @everyone for none (Discord)",
      required: false,
      kind: "role",
    },
    { name: "silent", description: "on or off: posts without a notification", required: false },
    { name: "crosspost", description: "on or off: publish to following servers (Discord)", required: false },
    { name: "previews", description: "on or off: link previews under posts (Telegram)", required: false },
  ],
  parseText(text) {
    const args: Record<string, string | undefined> = {};
    const tokens = text.trim().split(/\s+/).filter(Boolean);
    // "--language fa": a language code could pass for a campaign id, so it is named.
    args.language = takeNamed(tokens, "--language");
    // "anniversaries off", "silent on": each setting is named, as "on" and "off" could pass for campaign ids.
    for (const word of ["anniversaries", "updates", ...OPTION_WORDS.map(([w]) => w)]) {
      args[word] = takeNamed(tokens, word);
    }
    for (const token of tokens) {
      const key =
        isTimeToken(token) || looksLikeTime(token) ? "time" : isZoneToken(token) ? "timezone" : "campaign";
      if (args[key] !== undefined) args.extra = token;
      else args[key] = token;
    }
    // Old zone names such as "iran" or "cuba" are plausible campaign ids too: run() prefers a campaign so named.
    if (args.timezone && !args.campaign && SLUG.test(args.timezone)) args.zoneOrCampaign = args.timezone;
    return args;
  },
  args: z.object({
    time: timeOfDay.optional(),
    timezone: timeZone.optional(),
    campaign: z.string().trim().min(1).optional(),
    /** Set only from typed text, see parseText. */
    zoneOrCampaign: z.string().optional(),
    extra: z.undefined({ error: "subscribe.tooManyWords" }).optional(),
    language: z
      .string()
      .trim()
      .min(1, { error: "subscribe.languageMissing" })
      .max(40, { error: "language.tooLong" })
      .optional(),
    anniversaries: z
      .preprocess(
        (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
        z.enum(["on", "off"], { error: "dates.anniversariesOnOff" }),
      )
      .optional(),
    /** "on" or "off", checked in run() so the refusal can quote what was typed. */
    updates: z.string().trim().max(40, { error: "subscribe.tooManyWords" }).optional(),
    /** The post options' typed values, checked in run() against what the platform honours. */
    mention: z.string().trim().max(40, { error: "subscribe.tooManyWords" }).optional(),
    silent: z.string().trim().max(40, { error: "subscribe.tooManyWords" }).optional(),
    crosspost: z.string().trim().max(40, { error: "subscribe.tooManyWords" }).optional(),
    previews: z.string().trim().max(40, { error: "subscribe.tooManyWords" }).optional(),
  }),
  async run({ args, services, invocation, tr }) {
    // Checked before anything changes: an unknown language refuses the whole command.
    const language = args.language === undefined ? undefined : findUserLanguage(args.language);
    if (args.language !== undefined && !language) {
      throw new UserError(
        { key: "language.unknown", values: { typed: args.language, choices: languageChoices(tr) } },
        "INVALID_ARGUMENTS",
      );
    }
    const updates = args.updates === undefined ? undefined : updatesSetting(args.updates);
    const options = postOptionsChange(args, invocation.platform);
    const existing = await services.subscriptions.findByChannel(invocation.channel);
    const { campaign, wordWasCampaign } = await chooseCampaign(services.catalog, args, existing, tr);
    const postTime = args.time ?? existing?.postTime ?? services.defaults.postTime;
    const typedZone = wordWasCampaign ? undefined : args.timezone;
    const timezone = typedZone ?? channelZone(existing, services.defaults.timezone);
    const { subscription } = await services.subscriptions.upsert({
      channel: invocation.channel,
      community: invocation.community,
      campaignId: campaign.id,
      postTime,
      timezone,
      ...(args.anniversaries === undefined ? {} : { anniversaries: args.anniversaries === "on" }),
      actor: actorOf(invocation),
      at: services.clock.now(),
      ...(updates === undefined ? {} : { updates }),
      // The topic it is typed in becomes the posts' home; typed outside one, the channel itself.
      postOptions: { ...options, thread: invocation.thread ?? null },
    });
    if (language) {
      await services.channelLanguages.set({
        channel: invocation.channel,
        community: invocation.community,
        language: language.tag as LanguageTag,
        actor: actorOf(invocation),
      });
    }
    const next = nextPostOf(subscription, services.clock.now());
    // Said in the language just chosen, as the channel's posts will be.
    const said = language ? translatorFor(language.tag) : tr;
    const subscribed = said.t(messageFor(existing, invocation.privateChat), {
      hashtag: campaign.hashtag,
      time: subscription.postTime,
      zone: subscription.timezone,
      next: localDateTime(said, next.at, subscription.timezone),
    });
    const place = thisPlace(invocation);
    const lines = [
      subscribed,
      said.t(subscription.anniversaries ? "dates.anniversariesOn" : "dates.anniversariesOff"),
      ...(language ? [said.t("language.set", { place, name: language.native })] : []),
      said.t(subscription.updates === false ? "update.settingOff" : "update.settingOn"),
      ...postOptionLines(subscription.postOptions, invocation.platform, said),
    ];
    return {
      kind: "text",
      tone: "success",
      visibility: "public",
      text: lines.join("\n"),
      language: said.language.tag,
    };
  },
});

/** `updates on` or `updates off`; anything else is refused before anything changes. */
function updatesSetting(typed: string): boolean {
  const word = typed.toLowerCase();
  if (word === "on") return true;
  if (word === "off") return false;
  throw new UserError({ key: "update.settingInvalid", values: { typed } }, "INVALID_ARGUMENTS");
}
