/** /today: this channel's featured family for its local date (its spotlight, if one is set). */
import { defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatPartialDate } from "../src/core/partial-date.ts";
import { cardReply } from "./shared.ts";

export const today = defineCommand({
  name: "today",
  description: "Today's featured family here",
  usage: "/today",
  moderatorOnly: false,
  ...NO_ARGUMENTS,
  async run({ services, invocation }) {
    const featured = await services.featured.forChannel(invocation.channel, invocation.community);
    if (!featured) {
      throw new UserError(
        "No family can be featured today: no profile of this campaign is public, recently verified and in a featured status.",
        "NOTHING_TO_FEATURE",
      );
    }
    const when = formatPartialDate(featured.localDate);
    const intro =
      featured.source === "spotlight"
        ? `Spotlight for ${when}, ${invocation.privateChat ? "set for this chat" : "chosen by this community's moderators"}`
        : `Today's featured family (${when})`;
    return cardReply(services, featured.profile, featured.localDate, { intro });
  },
});
