/**
 * /act [name]: what a reader can do for today's family or a named one (write a letter, sign a petition,
 * contact an official), answered privately. Also what the "What you can do" button under a card or a post
 * runs, as `act <profile id>`, for the person who pressed it.
 */
import { defineCommand, OPTIONAL_NAME } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { namedOrToday } from "./shared.ts";

export const act = defineCommand({
  name: "act",
  description: "Show what you can do for today's family or a named prisoner",
  usage: "/act [name]",
  moderatorOnly: false,
  ...OPTIONAL_NAME,
  async run({ args, services, invocation, tr }) {
    const found = await namedOrToday({ services, invocation, tr }, args.name, "act", "act.nothingFeatured");
    if (found.kind === "reply") return found.reply;
    const { stored, today, campaign, card } = found;
    // An unverified profile's actions may be as out of date as its status.
    if (card.stale)
      throw new UserError({ key: "act.staleProfile", values: { name: card.title } }, "PROFILE_NOT_AVAILABLE");
    return {
      kind: "text",
      text: services.presenter.actions(stored, campaign, today, tr),
      tone: "info",
      visibility: "private",
      // The profile these actions are for: a "What you can do" press is counted for it.
      profileId: stored.profile.id,
    };
  },
});
