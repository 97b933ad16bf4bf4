/**
 * Setting the platforms up: `register-commands` (Discord's slash commands, Telegram's command menus) and
 * `slack-manifest` (the app manifest to paste when creating the Slack app).
 */
import { createRegisteringAdapters, slackManifest } from "../app-platforms.ts";
import type { CliContext } from "./context.ts";
import { BotError } from "../core/errors.ts";
import { UsageError } from "./usage.ts";

export async function runRegisterCommands(ctx: CliContext): Promise<number> {
  if (!ctx.config.DISCORD_TOKEN && !ctx.config.TELEGRAM_BOT_TOKEN) {
    throw new BotError(
      "register-commands needs DISCORD_TOKEN or TELEGRAM_BOT_TOKEN (Slack's commands come from the manifest: see slack-manifest)",
      "INVALID_CONFIG",
    );
  }
  return ctx.withApp(async (app) => {
    for (const adapter of await createRegisteringAdapters(app)) {
      await adapter.registerCommands();
      ctx.io.stdout.write(`Registered ${app.commands.length} commands with ${adapter.platform}.\n`);
    }
    return 0;
  });
}

export async function runSlackManifest(
  ctx: CliContext,
  options: { url?: string; tokenRotation?: boolean; orgDeploy?: boolean },
): Promise<number> {
  const { url } = options;
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) {
    throw new UsageError(
      `--url must be the bot's public https URL, such as https://bot.example.org (got "${url}")`,
    );
  }
  if ((options.tokenRotation || options.orgDeploy) && url === undefined) {
    throw new UsageError("--token-rotation and --org-deploy need --url: both work through the OAuth install");
  }
  const features = {
    ...(options.tokenRotation ? { tokenRotation: true } : {}),
    ...(options.orgDeploy ? { orgDeploy: true } : {}),
  };
  ctx.io.stdout.write(`${JSON.stringify(await slackManifest(url, features), null, 2)}\n`);
  return 0;
}
