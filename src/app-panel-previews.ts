/**
 * The card as each platform shows it, for the panel's profile page: the platforms' own renderers (the
 * payload a daily post sends) read back as the text a person sees there. Part of the composition root, so
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

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};
/** Telegram HTML as a reader sees it: tags gone (links keep their text), entities decoded. */
const telegramText = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e);

function textsOf(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.text === "string") return [record.text];
  return Object.values(record).flatMap(textsOf);
}

export const cardPreviews: readonly CardPreview[] = [
  {
    platform: "panel.previewDiscord",
    render(post) {
      const message = discordPost(post);
      const lines = message.content ? [message.content, ""] : [];
      for (const embed of message.embeds) {
        lines.push(embed.title ?? "", embed.description ?? "");
        for (const field of embed.fields ?? []) lines.push("", field.name, field.value);
        if (embed.footer) lines.push("", embed.footer.text);
      }
      const buttons = message.components.flatMap((row) =>
        row.components.map((b) => ("label" in b ? `[${b.label}]` : "")),
      );
      return [...lines, "", buttons.join(" ")].join("\n").trim();
    },
  },
  {
    platform: "panel.previewSlack",
    render: (post) =>
      slackPost(post)
        .blocks.map((block) => textsOf(block).join("  "))
        .filter(Boolean)
        .join("\n\n"),
  },
  { platform: "panel.previewTelegram", render: (post) => telegramText(telegramPost(post).text) },
  {
    platform: "panel.previewConsole",
    render: (post) =>
      consoleReply({
        kind: "card",
        card: post.card,
        intro: post.intro,
        share: post.share,
        visibility: "public",
      }),
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
