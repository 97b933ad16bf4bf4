/** `freetobehome report`: the impact figures (posts delivered, channels reached, button presses). */
import type { Command } from "commander";
import { define, type Runs } from "./define-command.ts";
import type { ReportOptions } from "./report.ts";

export function defineReportCommand(program: Command, runs: Runs): void {
  runs(
    define(program, "report", {
      summary: "posts delivered, channels reached and button presses per profile, platform and day",
      description:
        "The impact figures a campaign reports, per profile, platform and day (UTC): posts delivered (from the " +
        "delivery ledger, dated by when they were sent), the distinct channels they reached, and presses on each " +
        "button (counted per day, platform, profile and button; no user, channel or community is kept). The 30 " +
        "days up to today unless --from and --to say otherwise. A table with totals, or CSV with --csv.",
      examples: [
        ["The last 30 days", "freetobehome report"],
        [
          "November, for a spreadsheet",
          "freetobehome report --from 2026-11-01 --to 2026-11-30 --csv > november.csv",
        ],
        ["One profile", "freetobehome report --profile ilgar-mammadov"],
      ],
    })
      .option("--from <day>", "the first day, YYYY-MM-DD (UTC)")
      .option("--to <day>", "the last day, YYYY-MM-DD (UTC; default: today)")
      .option("--profile <id>", "only this profile (see: freetobehome profiles list)")
      .option("--campaign <id>", "only this campaign's posts and profiles (see: freetobehome campaigns list)")
      .option("--csv", "CSV (RFC 4180, a header row) instead of the table"),
    async (ctx, self) => (await import("./report.ts")).runReport(ctx, self.opts<ReportOptions>()),
  );
}
