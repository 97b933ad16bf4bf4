/**
 * The App Home tab as a Block Kit view (pure): a notice (what a button just did), the name search, a
 * family card (today's, or the one picked in the search, rendered as /today and /prisoner render it), and
 * for the workspace's moderators its subscribed channels with their next post and a Pause or Resume
 * button each. A Home view holds at most 100 blocks: the card keeps a message's 50, the channels list the
 * rest, and channels past what fits are counted, not shown.
 */
import type { types } from "@slack/bolt";
import { localDateTime } from "../../src/core/i18n/local-time.ts";
import type { Translator } from "../../src/core/i18n/translator.ts";
import type { Reply } from "../../src/core/reply.ts";
import { LINK_ACTION } from "./actions.ts";
import { type Block, context, header, mrkdwn, plain } from "./render-blocks.ts";
import { renderReply } from "./render.ts";
import { fitText } from "./text.ts";

export const HOME_SEARCH_ACTION = "ftbh.home.search";
export const HOME_TODAY_ACTION = "ftbh.home.today";
/** Per channel (`ftbh.home.pause.<n>`): action ids are unique within a view. */
export const HOME_PAUSE_ACTION = /^ftbh\.home\.pause\.\d+$/;
export const HOME_RESUME_ACTION = /^ftbh\.home\.resume\.\d+$/;

/** Slack's limit for a Home view's blocks. */
export const HOME_MAX_BLOCKS = 100;
/** Channels listed; with the card's 50 blocks and the rest, the view stays within 100. */
export const HOME_MAX_CHANNELS = 36;

export interface HomeChannel {
  channelId: string;
  /** The subscription's channel reference, carried by its button. */
  ref: string;
  state: "active" | "paused";
  pausedReason?: string;
  nextPost?: Date;
  timezone: string;
}

export interface HomeContent {
  tr: Translator;
  /** Escaped mrkdwn, at most 3,000 characters (it may link a channel). */
  notice?: string;
  /** The family card: today's, or a search result (then with a way back to today's). */
  card: { reply: Reply; searched: boolean };
  /** Only for moderators: this workspace's subscriptions that post or are paused. */
  channels?: readonly HomeChannel[];
  /** Kept in the view and sent back with every action from it (the Home's direct message with the person). */
  privateMetadata: string;
}

export function renderHome(content: HomeContent): types.HomeView {
  const { tr } = content;
  const blocks: Block[] = [
    ...(content.notice ? [{ type: "section", text: mrkdwn(content.notice) } as Block] : []),
    {
      type: "actions",
      block_id: "home.search",
      elements: [
        {
          type: "external_select",
          action_id: HOME_SEARCH_ACTION,
          placeholder: plain(fitText(tr.t("slackHome.searchPlaceholder"), 150)),
          min_query_length: 2,
        },
      ],
    },
    ...context(plain(tr.t("slackHome.searchHint"))),
    { type: "divider" },
    ...header(tr.t(content.card.searched ? "slackHome.searchResult" : "slackHome.todayHeading")),
    ...cardForHome(content.card.reply),
    ...(content.card.searched
      ? [
          {
            type: "actions",
            elements: [
              {
                type: "button",
                action_id: HOME_TODAY_ACTION,
                text: plain(fitText(tr.t("slackHome.backToToday"), 75)),
              },
            ],
          } as Block,
        ]
      : []),
    ...(content.channels ? channelBlocks(tr, content.channels) : []),
  ];
  return {
    type: "home",
    blocks: blocks.slice(0, HOME_MAX_BLOCKS),
    private_metadata: content.privateMetadata,
  };
}

/**
 * The reply as a message renders it, less the buttons that answer through a message's response_url
 * (choices, "What you can do"): a Home tab has none. Link buttons stay.
 */
function cardForHome(reply: Reply): Block[] {
  const out: Block[] = [];
  for (const block of renderReply(reply).blocks) {
    if (block.type === "section" && block.accessory && "action_id" in block.accessory) {
      const { accessory: _dropped, ...rest } = block;
      out.push(rest);
    } else if (block.type === "actions") {
      const links = block.elements.filter((e) => LINK_ACTION.test(String(e.action_id ?? "")));
      if (links.length > 0) out.push({ ...block, elements: links });
    } else out.push(block);
  }
  return out;
}

function channelBlocks(tr: Translator, channels: readonly HomeChannel[]): Block[] {
  const blocks: Block[] = [{ type: "divider" }, ...header(tr.t("slackHome.channelsHeading"))];
  if (channels.length === 0) return [...blocks, ...context(plain(tr.t("slackHome.noChannels")))];
  channels.slice(0, HOME_MAX_CHANNELS).forEach((c, index) => {
    const status =
      c.state === "paused"
        ? tr.t("slackHome.pausedBecause", { reason: c.pausedReason ?? "—" })
        : c.nextPost
          ? tr.t("slackHome.nextPost", { when: localDateTime(tr, c.nextPost, c.timezone) })
          : "";
    const verb = c.state === "paused" ? "resume" : "pause";
    blocks.push({
      type: "section",
      // `<#C…>`: Slack shows the channel by name to whoever may see it. Our own markup, so not escaped.
      text: mrkdwn(`<#${c.channelId}>\n${fitText(status, 2800, true)}`),
      accessory: {
        type: "button",
        action_id: `ftbh.home.${verb}.${index}`,
        text: plain(fitText(tr.t(verb === "pause" ? "slackHome.pause" : "slackHome.resume"), 75)),
        value: c.ref,
        ...(verb === "pause" ? { style: "danger" as const } : { style: "primary" as const }),
      },
    });
  });
  const more = channels.length - HOME_MAX_CHANNELS;
  if (more > 0) blocks.push(...context(plain(tr.t("slackHome.moreChannels", { count: more }))));
  return blocks;
}
