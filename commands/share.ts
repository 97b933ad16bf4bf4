/** /share [name]: a share kit (text, hashtag, link and one-click links) for a profile, default today's. */
import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import type { StoredProfile } from "../src/core/ports/catalog.ts";
import { campaignOf, todayHere, unresolvedLookupReply } from "./shared.ts";

export const share = defineCommand({
  name: "share",
  description: "Get a share kit for today's family or a named prisoner",
  usage: "/share [name]",
  moderatorOnly: false,
  options: [
    {
      name: "name",
      description: "A prisoner's name (default: today's family)",
      required: false,
      autocomplete: "profile",
    },
  ],
  parseText: (text) => ({ name: text.trim() === "" ? undefined : text.trim() }),
  args: z.object({
    name: z.string().trim().min(1).max(200, { error: "commands.nameTooLong" }).optional(),
  }),
  async run({ args, services, invocation, tr }) {
    let stored: StoredProfile;
    let today: string;
    if (args.name) {
      const [lookup, here] = await Promise.all([
        services.catalog.lookup(args.name),
        todayHere(services, invocation.channel),
      ]);
      today = here;
      if (lookup.kind !== "found")
        return unresolvedLookupReply({ services, tr, today }, args.name, lookup, "share");
      stored = lookup.profile;
    } else {
      const featured = await services.featured.forChannel(invocation.channel, invocation.community);
      if (!featured)
        throw new UserError(
          { key: "commands.shareNothingFeatured", values: { command: "/share <name>" } },
          "NOTHING_TO_FEATURE",
        );
      stored = featured.profile;
      today = featured.localDate;
    }
    const campaign = await campaignOf(services, stored);
    const card = services.presenter.card(stored, campaign, today, tr);
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
