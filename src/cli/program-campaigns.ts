/** The campaigns commands: list what is stored, and remove a campaign (all or nothing, audited). */
import type { Command } from "commander";
import { define, type Runs } from "./define-command.ts";

export function defineCampaignCommands(program: Command, runs: Runs): void {
  const campaigns = define(program, "campaigns", {
    summary: "list campaigns, remove one",
    description: "The campaigns in the catalog: which is the default, and what depends on each.",
    examples: [["Every campaign", "freetobehome campaigns list"]],
  });
  runs(
    define(campaigns, "list", {
      summary: "every campaign: default?, historical?, profiles and subscriptions",
      examples: [
        ["As a table", "freetobehome campaigns list"],
        ["As JSON, for a script", "freetobehome campaigns list --json | jq '.[] | select(.default)'"],
      ],
    }).option("--json", "one JSON document (an array of campaigns) instead of the table"),
    async (ctx, self) =>
      (await import("./campaigns.ts")).runCampaignsList(ctx, {
        json: self.opts<{ json?: true }>().json === true,
      }),
  );
  runs(
    define(campaigns, "remove", {
      summary: "remove a campaign; refused while subscriptions follow it or it holds profiles",
      description:
        "Removes a campaign in one transaction, logged. Refused, naming them, while subscriptions follow it " +
        "(--move-to moves them and their waiting posts to another campaign) or while it holds profiles " +
        "(--with-profiles removes them too, with their spotlights and rotation history).",
      examples: [
        [
          "Remove the sample once your own campaign is in",
          "freetobehome campaigns remove free-to-be-home-2016 --move-to ours --with-profiles",
        ],
      ],
    })
      .argument("<id>", "the campaign's id (see: freetobehome campaigns list)")
      .option("--move-to <id>", "move the campaign's subscriptions to this campaign first")
      .option("--with-profiles", "remove the campaign's profiles, spotlights and rotation history too"),
    async (ctx, self) => {
      const { moveTo, withProfiles } = self.opts<{ moveTo?: string; withProfiles?: true }>();
      return (await import("./campaigns.ts")).runCampaignRemove(ctx, self.processedArgs[0] as string, {
        moveTo,
        withProfiles: withProfiles === true,
      });
    },
  );
}
