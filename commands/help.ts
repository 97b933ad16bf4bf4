/** /help: what the bot does, the commands (from the registry), and where to send corrections. */
import { type AnyCommand, defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { menuText } from "../src/core/command-menu.ts";
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
    async run({ services, tr }) {
      const campaign = await services.catalog.campaign();
      // Each command as the reader's menus show it: its usage and description in their language.
      const lines = list().map((command) =>
        tr.t("menu.helpPage.line", {
          usage: menuText(tr, { command }, "usage"),
          description: menuText(tr, { command }),
        }),
      );
      const contacts = contactLines(campaign, services.defaults.supportUrl, tr);
      const about = campaign
        ? tr.t("menu.helpPage.campaign", {
            name: campaign.name,
            hashtag: campaign.hashtag,
            description: campaign.description,
          })
        : tr.t("menu.helpPage.noCampaign");
      return reply.info(
        [
          tr.t("menu.helpPage.intro"),
          about,
          "",
          tr.t("menu.helpPage.commands"),
          ...lines,
          "",
          ...contacts,
        ].join("\n"),
      );
    },
  });
}
