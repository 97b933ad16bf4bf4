/**
 * /today: this channel's featured family for its local date (its spotlight, if one is set; else, where
 * anniversaries are on, an anniversary's family with the reason, as the daily post says it).
 */
import { defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import type { Card } from "../src/core/reply.ts";
import { anniversaryLine } from "../src/core/anniversaries.ts";
import { cardReply } from "./shared.ts";

export const today = defineCommand({
  name: "today",
  description: "Today's featured family here",
  usage: "/today",
  moderatorOnly: false,
  ...NO_ARGUMENTS,
  async run({ services, invocation, tr }) {
    const featured = await services.featured.forChannel(invocation.channel, invocation.community);
    if (!featured) {
      throw new UserError({ key: "commands.nothingToFeature" }, "NOTHING_TO_FEATURE");
    }
    const date = tr.date(featured.localDate);
    const spotlightKey = invocation.privateChat
      ? "commands.spotlightIntroChat"
      : "commands.spotlightIntroCommunity";
    const { anniversary } = featured;
    const gender = featured.profile.profile.gender;
    // A guest (the bot is not a member there) gets the default campaign's family, and is told so.
    const plain = invocation.guest
      ? tr.t("native.todayGuest", { date, hashtag: featured.campaign.hashtag })
      : tr.t(featured.source === "spotlight" ? spotlightKey : "commands.todayIntro", { date });
    const intro = anniversary ? (card: Card) => anniversaryLine(anniversary, card, gender, tr) : plain;
    return cardReply(services, tr, featured.profile, featured.localDate, { intro });
  },
});
