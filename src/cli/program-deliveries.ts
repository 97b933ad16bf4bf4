/**
 * The deliveries commands: what went out for a profile, whether it was taken back after a takedown or
 * updated after a status change, and where a release was announced.
 */
import type { Command } from "commander";
import { define, type Runs } from "./define-command.ts";

export function defineDeliveryCommands(program: Command, runs: Runs): void {
  const deliveries = define(program, "deliveries", {
    summary: "posts delivered for a profile, their updates and retraction, and release announcements",
    description:
      "The delivery ledger seen per profile: every post that went out, where and when, and (after a takedown) " +
      "whether it was deleted, edited to a neutral line, already gone, or could not be retracted and why; " +
      "after a status change, whether it was edited to carry the update; and where a release was announced.",
    examples: [["One profile's posts", "freetobehome deliveries show ilgar-mammadov"]],
  });
  runs(
    define(deliveries, "show", {
      summary:
        "a profile's delivered posts, newest first, with their update and retraction state, then its announcements",
      examples: [
        ["As a table", "freetobehome deliveries show ilgar-mammadov"],
        [
          "Posts still waiting to be taken back, for a script",
          "freetobehome deliveries show ilgar-mammadov --json | jq '.[] | select(.retraction == \"pending\")'",
        ],
      ],
    })
      .argument("<profile>", "the profile's id (see: freetobehome profiles list)")
      .option(
        "--json",
        'one JSON document instead of the tables: an array of rows, each "kind": "post" or "announcement"',
      ),
    async (ctx, self) =>
      (await import("./deliveries.ts")).runDeliveriesShow(ctx, self.processedArgs[0] as string, {
        json: self.opts<{ json?: true }>().json === true,
      }),
  );
}
