/**
 * Setting the platforms up: `register-commands` (Discord's slash commands, Telegram's command menus) and
 * `slack-manifest` (the app manifest to paste when creating the Slack app).
 */
import { createRegisteringAdapters, slackManifest } from "../app-platforms.ts";
import type { Config } from "../config.ts";
import { BotError } from "../core/errors.ts";
import { UsageError, readFlags, refuseArguments } from "./usage.ts";
import { withApp } from "./with-app.ts";

export async function runRegisterCommands(config: Config, args: string[]): Promise<number> {
  refuseArguments("register-commands", readFlags(args, {}).positional);
  if (!config.DISCORD_TOKEN && !config.TELEGRAM_BOT_TOKEN) {
    throw new BotError(
      "register-commands needs DISCORD_TOKEN or TELEGRAM_BOT_TOKEN (Slack's commands come from the manifest: see slack-manifest)",
      "INVALID_CONFIG",
    );
  }
  return withApp(config, async (app) => {
    for (const adapter of createRegisteringAdapters(app)) {
      await adapter.registerCommands();
      process.stdout.write(`Registered ${app.commands.length} commands with ${adapter.platform}.\n`);
    }
    return 0;
  });
}

export async function runSlackManifest(_config: Config, args: string[]): Promise<number> {
  const { flags, positional } = readFlags(args, { url: "value" });
  if (positional.length > 0)
    throw new UsageError(`slack-manifest takes no arguments (got "${positional.join(" ")}")`);
  const url = typeof flags.url === "string" ? flags.url : undefined;
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) {
    throw new UsageError(
      `--url must be the bot's public https URL, such as https://bot.example.org (got "${url}")`,
    );
  }
  process.stdout.write(`${JSON.stringify(slackManifest(url), null, 2)}\n`);
  return 0;
}
