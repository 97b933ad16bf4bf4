/** /today: this channel's featured family for its local date (its spotlight, if one is set). */
import { defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
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
    const intro = tr.t(featured.source === "spotlight" ? spotlightKey : "commands.todayIntro", { date });
    return cardReply(services, tr, featured.profile, featured.localDate, { intro });
  },
});
