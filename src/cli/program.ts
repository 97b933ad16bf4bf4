/**
 * Every command and subcommand of `freetobehome`: what it takes, its help and its examples, read by
 * commander (parse.ts). An action only picks what to run; the modules that do the work (the app, the
 * database, the platforms' SDKs) are imported when a command runs, so `--help` and a usage error load
 * none of them.
 */
import { Argument, type Command } from "commander";
import { commandOf, define, examples, extraWords, type Run, runner } from "./define-command.ts";
import { defineCampaignCommands } from "./program-campaigns.ts";
import { defineDeliveryCommands } from "./program-deliveries.ts";
import { defineCatalogCommands } from "./program-catalog.ts";
import { definePanelCommands } from "./program-panel.ts";
import { defineReportCommand } from "./program-report.ts";
import { quoteWords, UsageError } from "./usage.ts";

/** `freetobehome completion <shell>` prints its script while parsing: it needs no settings, no app. */
export type PrintCompletion = (shell: "bash" | "zsh", program: Command) => void;

export interface ProgramHooks {
  /** The words typed after the program's name (the takedown hint looks at them as typed). */
  argv: readonly string[];
  select(run: Run): void;
  printCompletion: PrintCompletion;
}

/** Adds the commands to `program`, a root already configured (settings are inherited as commands are added). */
export function defineCommands(program: Command, hooks: ProgramHooks): Command {
  const { select, printCompletion } = hooks;
  program
    .description(
      "A chat bot that keeps the families of political prisoners in front of online communities on Discord, " +
        "Slack and Telegram, and the commands to run and curate it.",
    )
    .usage("<command> [options]")
    .allowExcessArguments()
    .addHelpText(
      "after",
      examples([
        [
          "Chat with the bot in this terminal (the sample campaign is loaded on first start)",
          "freetobehome start",
        ],
        [
          "Check a folder of profiles and see what an import would change; nothing is written",
          "freetobehome import ./profiles --dry-run",
        ],
        ["The help of one command, with its examples", "freetobehome profiles takedown --help"],
      ]) +
        "\nSettings come from the environment and from .env in the working folder (the environment wins): see README.md.\n" +
        "Exit codes: 0 done, 1 refused input or a failure, 2 usage or settings.\n",
    );
  const runs = runner(select);

  runs(
    define(program, "start", {
      summary: "run the bot (or, with no platform configured, the console chat)",
      description:
        "Runs the bot: the configured platforms, the delivery scheduler and the HTTP endpoints, until SIGTERM or " +
        "Ctrl-C. With no platform configured and a terminal attached, opens the local console chat instead; with " +
        "neither, stops and names the settings to set (exit 2).",
      examples: [
        ["The console chat, with no platform configured", "freetobehome start"],
        ["Discord (the token from .env or the environment)", "DISCORD_TOKEN=... freetobehome start"],
      ],
    }),
    async (ctx) => (await import("./start.ts")).runStart(ctx),
  );
  runs(
    define(program, "console", {
      summary: "the local console chat (also reads commands from standard input)",
      description:
        "The local console chat: you are the moderator of channel console:local. With no terminal attached it " +
        "reads commands from standard input, one a line.",
      examples: [
        ["Chat", "freetobehome console"],
        ["One command from a script", "echo '/prisoner Mammadov' | freetobehome console"],
      ],
    }),
    async (ctx) => (await import("./start.ts")).runConsoleCommand(ctx),
  );
  runs(
    define(program, "migrate", {
      summary: "apply the database migrations",
      description:
        "Applies the database migrations and stops (start does this too; safe when several processes start at once).",
      examples: [
        [
          "Before starting a new version against a Postgres server",
          "DATABASE_URL=postgres://... freetobehome migrate",
        ],
      ],
    }),
    async (ctx) => (await import("./migrate.ts")).runMigrate(ctx),
  );
  defineCatalogCommands(program, { runs, select, argv: hooks.argv });
  defineCampaignCommands(program, runs);
  defineDeliveryCommands(program, runs);
  defineReportCommand(program, runs);
  definePanelCommands(program, runs);
  runs(
    define(program, "deliver", {
      summary: "one delivery pass: post what is due and not yet posted",
      description:
        "One delivery pass as of now, or as of an instant already past (a catch-up; a future one is refused): posts " +
        "what is due and not yet posted, and prints what it sent, skipped and why. --dry-run prints what would be " +
        "posted where, when and which profile (--at may then be in the future) and writes nothing.",
      examples: [
        ["Post what is due now", "freetobehome deliver"],
        [
          "What would be posted tomorrow at 09:00 in Baku",
          "freetobehome deliver --dry-run --at 2026-11-25T09:00+04:00",
        ],
      ],
    })
      .option("--at <instant>", "as of this ISO 8601 instant with a zone, such as 2026-11-24T09:00:00Z")
      .option("--dry-run", "print what would be posted; write and send nothing"),
    async (ctx, self) =>
      (await import("./deliver.ts")).runDeliver(ctx, self.opts<{ at?: string; dryRun?: true }>()),
  );
  runs(
    define(program, "register-commands", {
      summary: "register the slash commands with Discord and the menus with Telegram",
      examples: [["After changing the bot's commands", "freetobehome register-commands"]],
    }),
    async (ctx) => (await import("./platform-setup.ts")).runRegisterCommands(ctx),
  );
  runs(
    define(program, "slack-manifest", {
      summary: "print the Slack app manifest (Socket Mode without --url)",
      examples: [
        ["For Socket Mode", "freetobehome slack-manifest > manifest.json"],
        ["For HTTP at a public URL", "freetobehome slack-manifest --url https://bot.example.org"],
        [
          "Expiring tokens and Enterprise Grid",
          "freetobehome slack-manifest --url https://bot.example.org --token-rotation --org-deploy",
        ],
      ],
    })
      .option("--url <url>", "the bot's public https URL (HTTP mode)")
      .option("--token-rotation", "expiring bot tokens, refreshed by the bot (needs --url)")
      .option("--org-deploy", "allow org-wide installs on Enterprise Grid (needs --url)"),
    async (ctx, self) =>
      (await import("./platform-setup.ts")).runSlackManifest(
        ctx,
        self.opts<{ url?: string; tokenRotation?: boolean; orgDeploy?: boolean }>(),
      ),
  );
  runs(
    define(program, "languages", {
      summary: "list the bot's languages, how much of each is translated, and which are reviewed",
      examples: [
        ["As a table", "freetobehome languages"],
        ["For a script", "freetobehome languages --json"],
      ],
    }).option("--json", "one JSON array, one object per language"),
    async (ctx, self) => (await import("./languages.ts")).runLanguages(ctx, self.opts<{ json?: boolean }>()),
  );
  define(program, "completion", {
    summary: "print a shell completion script (bash or zsh)",
    examples: [
      ["bash, for this shell", "source <(freetobehome completion bash)"],
      ["zsh, for every new shell", `freetobehome completion zsh > "\${fpath[1]}/_freetobehome"`],
    ],
  })
    .addArgument(new Argument("<shell>", "bash or zsh").choices(["bash", "zsh"]))
    .action((...params: unknown[]) => {
      const self = commandOf(params);
      const extra = extraWords(self);
      if (extra.length > 0)
        throw new UsageError(`completion takes one shell (unexpected: ${quoteWords(extra)})`);
      printCompletion(self.processedArgs[0] as "bash" | "zsh", program);
    });
  return program;
}
