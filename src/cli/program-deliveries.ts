/** The deliveries commands: what went out for a profile, and whether it was taken back after a takedown. */
import type { Command } from "commander";
import { define, type Runs } from "./define-command.ts";

export function defineDeliveryCommands(program: Command, runs: Runs): void {
  const deliveries = define(program, "deliveries", {
    summary: "posts delivered for a profile and their retraction",
    description:
      "The delivery ledger seen per profile: every post that went out, where and when, and (after a takedown) " +
      "whether it was deleted, edited to a neutral line, already gone, or could not be retracted and why.",
    examples: [["One profile's posts", "freetobehome deliveries show ilgar-mammadov"]],
  });
  runs(
    define(deliveries, "show", {
      summary: "a profile's delivered posts, newest first, with their retraction state",
      examples: [
        ["As a table", "freetobehome deliveries show ilgar-mammadov"],
        [
          "Posts still waiting to be taken back, for a script",
          "freetobehome deliveries show ilgar-mammadov --json | jq '.[] | select(.retraction == \"pending\")'",
        ],
      ],
    })
      .argument("<profile>", "the profile's id (see: freetobehome profiles list)")
      .option("--json", "one JSON document (an array of posts) instead of the table"),
    async (ctx, self) =>
      (await import("./deliveries.ts")).runDeliveriesShow(ctx, self.processedArgs[0] as string, {
        json: self.opts<{ json?: true }>().json === true,
      }),
  );
}
