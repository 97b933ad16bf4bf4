/** /share [name]: a share kit (text, hashtag, link and one-click links) for a profile, default today's. */
import { defineCommand, OPTIONAL_NAME } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { namedOrToday } from "./shared.ts";

export const share = defineCommand({
  name: "share",
  description: "Get a share kit for today's family or a named prisoner",
  usage: "/share [name]",
  moderatorOnly: false,
  ...OPTIONAL_NAME,
  async run({ args, services, invocation, tr }) {
    const found = await namedOrToday(
      { services, invocation, tr },
      args.name,
      "share",
      "commands.shareNothingFeatured",
    );
    if (found.kind === "reply") return found.reply;
    const { stored, campaign, card } = found;
    if (card.stale) {
      throw new UserError(
        { key: "commands.shareStale", values: { name: card.title } },
        "PROFILE_NOT_AVAILABLE",
      );
    }
    return {
      kind: "share",
      kit: services.presenter.shareKit(stored, campaign, tr),
      card,
      visibility: "private",
    };
  },
});
