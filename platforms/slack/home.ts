/**
 * The App Home tab: published (`views.publish`) when a member opens it (`app_home_opened`) and again after
 * anything they do in it: a name picked in the search (an `external_select` whose options come from the
 * same name search as the other platforms' autocomplete), back to today's family, or a moderator's Pause or
 * Resume (home-actions.ts). In the member's Slack language where the bot has it (`users.info` locale),
 * else the default. The card is the one /today or /prisoner gives, run through the same dispatch.
 */
import type { webApi } from "@slack/bolt";
import type { ChannelRef, CommunityRef } from "../../src/core/channel.ts";
import { matchLanguage } from "../../src/core/i18n/languages.ts";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { type Reply, reply as replies } from "../../src/core/reply.ts";
import { decodeChannelRef, encodeChannelRef, encodeCommunityRef, isSlackId } from "./ids.ts";
import { type HomeChannel, renderHome } from "./home-view.ts";
import type { Moderators } from "./moderators.ts";

/** What the Home needs from the rest of the bot (built in src/app-platforms.ts from the core's services). */
export interface SlackHomeSource {
  /** The community's subscriptions that post or are paused, each with its next post if active. */
  channelsOf(
    community: CommunityRef,
  ): Promise<Array<Omit<HomeChannel, "channelId" | "ref"> & { channel: ChannelRef }>>;
  /** Pauses an active subscription (audited); false when there was none active. */
  pause(channel: ChannelRef, input: { reason: string; actor: string }): Promise<boolean>;
  /** Resumes a paused one, as /subscribe does (audited); false when it was not paused. */
  resume(channel: ChannelRef, actor: string): Promise<boolean>;
  /** Names for the search, best first (the catalog's suggestions). */
  suggest(query: string, limit: number): Promise<Array<{ label: string; value: string }>>;
}

export interface HomeDeps {
  source: SlackHomeSource;
  dispatch: Dispatch;
  moderators: Moderators;
  defaultLanguage?: string;
  logger: Logger;
}

/** Who is looking at the Home, and where its direct message is (what /today is asked as). */
export interface HomeViewer {
  teamId: string;
  userId: string;
  /** The app's direct message with the member (`D…`), from `app_home_opened`, kept in the view after. */
  dmChannel: string;
}

export interface HomeState {
  /** A profile picked in the search; absent: today's family. */
  profileId?: string;
  /** Escaped mrkdwn telling what the last action did. */
  notice?: (tr: Translator) => string;
}

/** The member's language for the Home: their Slack locale where the bot speaks it, else the default. */
export async function viewerLanguage(deps: HomeDeps, viewer: HomeViewer): Promise<Translator> {
  const roles = await deps.moderators.user(viewer.teamId, viewer.userId).catch(() => undefined);
  return translatorFor(matchLanguage(roles?.locale) ?? deps.defaultLanguage);
}

async function cardReply(
  deps: HomeDeps,
  viewer: HomeViewer,
  tr: Translator,
  profileId?: string,
): Promise<Reply> {
  try {
    return await deps.dispatch({
      command: profileId ? "prisoner" : "today",
      ...(profileId ? { text: profileId } : {}),
      platform: "slack",
      channel: encodeChannelRef(viewer.teamId, viewer.dmChannel),
      community: encodeCommunityRef(viewer.teamId),
      privateChat: true,
      locale: tr.language.tag,
      caller: { id: viewer.userId, isModerator: async () => false },
    });
  } catch (err) {
    deps.logger.error({ err }, "slack: the Home's card failed");
    return { ...replies.error(tr.t("render.slackApology")), language: tr.language.tag };
  }
}

async function channelsFor(deps: HomeDeps, viewer: HomeViewer): Promise<HomeChannel[] | undefined> {
  if (!(await deps.moderators.isModerator(viewer.teamId, viewer.userId))) return undefined;
  const subscriptions = await deps.source.channelsOf(encodeCommunityRef(viewer.teamId));
  return subscriptions.flatMap(({ channel, ...rest }) => {
    const target = decodeChannelRef(channel);
    return target ? [{ ...rest, channelId: target.channelId, ref: channel }] : [];
  });
}

/** Builds and publishes the member's Home. Never throws: a Home that cannot be shown is logged. */
export async function publishHome(
  deps: HomeDeps,
  client: webApi.WebClient,
  viewer: HomeViewer,
  state: HomeState = {},
): Promise<void> {
  try {
    const tr = await viewerLanguage(deps, viewer);
    const [reply, channels] = await Promise.all([
      cardReply(deps, viewer, tr, state.profileId),
      channelsFor(deps, viewer),
    ]);
    const view = renderHome({
      tr,
      ...(state.notice ? { notice: state.notice(tr) } : {}),
      card: { reply, searched: state.profileId !== undefined },
      ...(channels ? { channels } : {}),
      privateMetadata: JSON.stringify({ dm: viewer.dmChannel }),
    });
    await client.views.publish({ user_id: viewer.userId, view });
  } catch (err) {
    deps.logger.warn(
      { err, teamId: viewer.teamId, userId: viewer.userId },
      "slack: could not publish the Home tab",
    );
  }
}

/** The viewer of an action in the Home view: its workspace, its member and the DM kept in the view. */
export function viewerOf(
  teamId: string | undefined,
  userId: string | undefined,
  privateMetadata: string | undefined,
): HomeViewer | undefined {
  let dm: unknown;
  try {
    dm = (JSON.parse(privateMetadata ?? "{}") as { dm?: unknown }).dm;
  } catch {
    return undefined;
  }
  if (!isSlackId(teamId) || !isSlackId(userId) || typeof dm !== "string" || !isSlackId(dm)) return undefined;
  return { teamId, userId, dmChannel: dm };
}
