/**
 * The card as each platform shows it, for the panel's profile page: the platforms' own renderers (the
 * payload a daily post sends) drawn by the panel's previews (src/panel/previews/) as escaped HTML. Part of the composition root, so
 * src/panel/ never imports a platform; loaded only when the panel is served.
 */
import { renderReply as consoleReply } from "../platforms/console/render.ts";
import { renderPost as discordPost } from "../platforms/discord/render.ts";
import { renderPost as slackPost } from "../platforms/slack/render.ts";
import { renderPost as telegramPost } from "../platforms/telegram/render.ts";
import { messageLink as discordLink } from "../platforms/discord/ids.ts";
import { messageLink as telegramLink } from "../platforms/telegram/ids.ts";
import type { ChannelRef } from "./core/channel.ts";
import type { MessageRef } from "./core/platform.ts";
import type { CardPreview } from "./panel/deps.ts";
import { consolePreview } from "./panel/previews/console.ts";
import { discordPreview } from "./panel/previews/discord.ts";
import { slackPreview } from "./panel/previews/slack.ts";
import { telegramPreview } from "./panel/previews/telegram.ts";

/** The card drawn from each platform's own payload: the payload a daily post sends, never re-rendered. */
export const cardPreviews: readonly CardPreview[] = [
  { platform: "panel.previewDiscord", render: (post) => discordPreview(discordPost(post)) },
  { platform: "panel.previewSlack", render: (post) => slackPreview(slackPost(post)) },
  { platform: "panel.previewTelegram", render: (post) => telegramPreview(telegramPost(post)) },
  {
    platform: "panel.previewConsole",
    render: (post) =>
      consolePreview(
        consoleReply({
          kind: "card",
          card: post.card,
          intro: post.intro,
          share: post.share,
          visibility: "public",
        }),
      ),
  },
];

/**
 * A sent message's address, from its platform's own ids: Discord's message links, Telegram's t.me/c
 * links for supergroups and channels. Slack's permalinks need the workspace's domain (chat.getPermalink),
 * which the ledger does not keep, so Slack posts have none; nor has the console.
 */
export function messageLink(platform: string, channel: ChannelRef, ref: MessageRef): string | undefined {
  if (platform === "discord") return discordLink(channel, ref);
  if (platform === "telegram") return telegramLink(channel, ref);
  return undefined;
}
