/** The staff panel's command: `panel link`, a one-time sign-in link for a person with a role. */
import { type Command, Option } from "commander";
import { define, type Runs } from "./define-command.ts";

export function definePanelCommands(program: Command, runs: Runs): void {
  const panel = define(program, "panel", {
    summary: "the staff panel: sign-in links for people",
    description:
      "The staff panel (served by `start` when PANEL_PORT is set): give someone a one-time sign-in link with a role.",
    examples: [["A link for an editor", "freetobehome panel link --name Aysel --role editor"]],
  });
  runs(
    define(panel, "link", {
      summary: "print a one-time sign-in link (valid 15 minutes) for a person and role",
      description:
        "Prints a sign-in link that works once, within 15 minutes. The person is created, or given the role and " +
        "let in again if revoked. Viewers read; editors also take profiles down and restore them; admins also " +
        "manage people and pause or resume channels. Logged.",
      examples: [
        ["A viewer", "freetobehome panel link --name 'Rashad M.' --role viewer"],
        [
          "An admin, behind a proxy",
          "PANEL_PUBLIC_URL=https://panel.example.org freetobehome panel link --name Aysel --role admin",
        ],
      ],
    })
      .requiredOption("--name <who>", "the person's name, as the panel and the audit log show it")
      .addOption(
        new Option("--role <role>", "what they may do")
          .choices(["viewer", "editor", "admin"])
          .makeOptionMandatory(),
      ),
    async (ctx, self) =>
      (await import("./panel-link.ts")).runPanelLink(ctx, self.opts<{ name: string; role: string }>()),
  );
}
