/** /subscribe [time] [timezone] [campaign]: the daily featured family in this channel (one subscription per channel). */
import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatLocal, nextOccurrence } from "../src/core/time.ts";
import { isTimeToken, isZoneToken, timeOfDay, timeZone } from "./arguments.ts";

export const subscribe = defineCommand({
  name: "subscribe",
  description: "Post the daily featured family in this channel (moderators)",
  usage: "/subscribe [HH:MM] [time zone] [campaign]",
  moderatorOnly: true,
  options: [
    { name: "time", description: "Local time of day, HH:MM (24-hour)", required: false },
    { name: "timezone", description: "IANA time zone, e.g. Europe/Baku", required: false },
    { name: "campaign", description: "Campaign id (default: the default campaign)", required: false },
  ],
  parseText(text) {
    const args: Record<string, string | undefined> = {};
    for (const token of text.trim().split(/\s+/).filter(Boolean)) {
      const key = isTimeToken(token) ? "time" : isZoneToken(token) ? "timezone" : "campaign";
      if (args[key] !== undefined) args.extra = token;
      else args[key] = token;
    }
    return args;
  },
  args: z.object({
    time: timeOfDay.optional(),
    timezone: timeZone.optional(),
    campaign: z.string().trim().min(1).optional(),
    extra: z.undefined({ error: "Too many words: use /subscribe [HH:MM] [time zone] [campaign]" }).optional(),
  }),
  async run({ args, services, invocation }) {
    const campaign = await services.catalog.campaign(args.campaign);
    if (!campaign) {
      const known = (await services.catalog.campaigns()).map((c) => c.id).join(", ");
      throw new UserError(
        `No campaign "${args.campaign ?? "(default)"}". Campaigns: ${known || "none imported yet"}.`,
        "CAMPAIGN_NOT_FOUND",
      );
    }
    const existing = await services.subscriptions.findByChannel(invocation.channel);
    const postTime = args.time ?? existing?.postTime ?? services.defaults.postTime;
    const timezone = args.timezone ?? existing?.timezone ?? services.defaults.timezone;
    const { subscription, created } = await services.subscriptions.upsert({
      channel: invocation.channel,
      community: invocation.community,
      campaignId: campaign.id,
      postTime,
      timezone,
      actor: `${invocation.platform}:${invocation.caller.id}`,
      at: services.clock.now(),
    });
    const next = nextOccurrence(services.clock.now(), subscription.postTime, subscription.timezone);
    const verb = created ? "Subscribed" : "Updated";
    return {
      kind: "text",
      tone: "success",
      visibility: "public",
      text:
        `${verb}: this channel gets the daily featured family of ${campaign.hashtag} at ${subscription.postTime} ` +
        `(${subscription.timezone}). Next post: ${formatLocal(next.at, subscription.timezone)}.`,
    };
  },
});
