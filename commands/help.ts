/** /help: what the bot does, the commands (from the registry), and where to send corrections. */
import { type AnyCommand, defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { contactLines } from "../src/core/corrections.ts";
import { reply } from "../src/core/reply.ts";

/** Built from the registry so the list can never drift from the commands that exist. */
export function createHelp(list: () => readonly AnyCommand[]) {
  return defineCommand({
    name: "help",
    description: "What this bot does and how to use it",
    usage: "/help",
    moderatorOnly: false,
    ...NO_ARGUMENTS,
    async run({ services }) {
      const campaign = await services.catalog.campaign();
      const lines = list().map((c) => `${c.usage}: ${c.description}`);
      const contacts = contactLines(campaign, services.defaults.supportUrl);
      const about = campaign
        ? `${campaign.name} (${campaign.hashtag}): ${campaign.description}`
        : "No campaign has been imported yet.";
      return reply.info(
        [
          "This bot keeps the families of political prisoners in view: one family a day, lookups by name, " +
            "and a kit to share their story. Every profile shows its sources and the date its status is as of.",
          about,
          "",
          "Commands:",
          ...lines,
          "",
          ...contacts,
        ].join("\n"),
      );
    },
  });
}
