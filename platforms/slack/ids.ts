/**
 * Slack ids inside our platform-neutral references: `slack:<team>:<channel>` and `slack:<team>`. Only this
 * adapter builds or takes these apart; the core just stores and compares them.
 */
import { type ChannelRef, type CommunityRef, channelRef, communityRef } from "../../src/core/channel.ts";

/** Slack ids are upper-case letters and digits (T… teams, E… orgs, C/G/D… conversations, U/W… users). */
const SLACK_ID = /^[A-Z0-9]{2,40}$/;

export function isSlackId(value: string | undefined): value is string {
  return value !== undefined && SLACK_ID.test(value);
}

/**
 * A direct message (a DM with the bot, its App Home's Messages tab, or between two people): Slack gives
 * such conversations ids starting with D, and channels and group conversations C or G.
 */
export function isDirectMessage(channelId: string): boolean {
  return channelId.startsWith("D");
}

export function encodeChannelRef(teamId: string, channelId: string): ChannelRef {
  if (!isSlackId(teamId) || !isSlackId(channelId)) {
    throw new TypeError(`not a Slack team and channel: ${JSON.stringify([teamId, channelId])}`);
  }
  return channelRef(`slack:${teamId}:${channelId}`);
}

export function encodeCommunityRef(teamId: string): CommunityRef {
  if (!isSlackId(teamId)) throw new TypeError(`not a Slack team: ${JSON.stringify(teamId)}`);
  return communityRef(`slack:${teamId}`);
}

/** The team and channel of a Slack channel reference; undefined for anything else (another platform, garbage). */
export function decodeChannelRef(ref: string): { teamId: string; channelId: string } | undefined {
  const [platform, teamId, channelId, ...rest] = ref.split(":");
  if (platform !== "slack" || rest.length > 0 || !isSlackId(teamId) || !isSlackId(channelId))
    return undefined;
  return { teamId, channelId };
}
