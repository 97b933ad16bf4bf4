/**
 * What a member does in the App Home: opening it, searching a name (options as they type, then the card),
 * going back to today's family, and a moderator's Pause or Resume of one of the workspace's channels.
 * Pause and Resume are checked again here, whatever the view showed (a pressed button is only a request):
 * the presser must moderate this workspace (moderators.ts, as for commands) and the channel must be one of
 * this workspace's. The change goes through the same repository as /subscribe and the staff panel, which
 * audits it, and the Home is published again with what happened.
 */
import type { App, BlockAction, BlockElementAction } from "@slack/bolt";
import { actorOf } from "../../src/core/actor.ts";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { Translator } from "../../src/core/i18n/translator.ts";
import { decodeChannelRef } from "./ids.ts";
import { HOME_PAUSE_ACTION, HOME_RESUME_ACTION, HOME_SEARCH_ACTION, HOME_TODAY_ACTION } from "./home-view.ts";
import { type HomeDeps, type HomeState, type HomeViewer, publishHome, viewerOf } from "./home.ts";
import { escapeMrkdwn, fitText } from "./text.ts";

/** Options a search offers at once (Slack takes up to 100). */
const SEARCH_OPTIONS = 20;

type HomeAction = BlockAction<BlockElementAction>;

/** A translated sentence with the channel as a link in it (`<#C…>`), escaped around it. */
function aboutChannel(key: "slackHome.paused" | "slackHome.resumed", channelId: string) {
  return (tr: Translator) => {
    const [before = "", after = ""] = escapeMrkdwn(tr.t(key, { channel: "\uE000" })).split("\uE000");
    return `${before}<#${channelId}>${after}`;
  };
}

const said = (key: "slackHome.notModerator" | "slackHome.unchanged") => (tr: Translator) =>
  escapeMrkdwn(tr.t(key));

export function registerHomeListeners(app: App, deps: HomeDeps): void {
  app.event("app_home_opened", async ({ event, context, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = context.teamId ?? body.team_id;
    if (!teamId) return;
    await publishHome(deps, client, { teamId, userId: event.user, dmChannel: event.channel });
  });

  app.options(HOME_SEARCH_ACTION, async ({ ack, options }) => {
    const found = await deps.source.suggest(options.value, SEARCH_OPTIONS).catch((err: unknown) => {
      deps.logger.warn({ err }, "slack: the Home's name search failed");
      return [];
    });
    await ack({
      options: found
        .filter((f) => f.value.length <= 150)
        .map((f) => ({ text: { type: "plain_text" as const, text: fitText(f.label, 75) }, value: f.value })),
    });
  });

  const viewer = (body: HomeAction, teamId: string | undefined): HomeViewer | undefined =>
    viewerOf(teamId ?? body.team?.id ?? body.user.team_id, body.user.id, body.view?.private_metadata);

  app.action<HomeAction>({ type: "block_actions", action_id: HOME_SEARCH_ACTION }, async (args) => {
    await args.ack();
    const who = viewer(args.body, args.context.teamId);
    const picked = args.action.type === "external_select" ? args.action.selected_option?.value : undefined;
    if (who) await publishHome(deps, args.client, who, picked ? { profileId: picked } : {});
  });

  app.action<HomeAction>({ type: "block_actions", action_id: HOME_TODAY_ACTION }, async (args) => {
    await args.ack();
    const who = viewer(args.body, args.context.teamId);
    if (who) await publishHome(deps, args.client, who);
  });

  for (const verb of ["pause", "resume"] as const) {
    const actionId = verb === "pause" ? HOME_PAUSE_ACTION : HOME_RESUME_ACTION;
    app.action<HomeAction>({ type: "block_actions", action_id: actionId }, async (args) => {
      await args.ack();
      const who = viewer(args.body, args.context.teamId);
      if (!who) return;
      const value = args.action.type === "button" ? args.action.value : undefined;
      const state = await change(deps, who, verb, value).catch((err: unknown): HomeState => {
        // The database may be down: say so in the Home rather than leave the press unanswered.
        deps.logger.error({ err, ...who, verb }, "slack: a Home pause or resume failed");
        return { notice: (tr) => escapeMrkdwn(tr.t("render.slackApology")) };
      });
      await publishHome(deps, args.client, who, state);
    });
  }
}

async function change(
  deps: HomeDeps,
  who: HomeViewer,
  verb: "pause" | "resume",
  value: string | undefined,
): Promise<HomeState> {
  const target = decodeChannelRef(value ?? "");
  const allowed = await deps.moderators.isModerator(who.teamId, who.userId);
  // A channel of another workspace is refused like a non-moderator: nobody here moderates it.
  if (!allowed || !target || target.teamId !== who.teamId) {
    deps.logger.warn({ ...who, verb, value }, "slack: a Home pause or resume refused");
    return { notice: said("slackHome.notModerator") };
  }
  const channel = value as ChannelRef;
  const actor = actorOf({ platform: "slack", caller: { id: who.userId } });
  let done: boolean;
  if (verb === "pause") {
    const roles = await deps.moderators.user(who.teamId, who.userId).catch(() => undefined);
    const name = roles?.real_name || roles?.name || who.userId;
    done = await deps.source.pause(channel, {
      actor,
      reason: `paused by ${name} (${who.userId}) from App Home`,
    });
  } else done = await deps.source.resume(channel, actor);
  const key = verb === "pause" ? "slackHome.paused" : "slackHome.resumed";
  return { notice: done ? aboutChannel(key, target.channelId) : said("slackHome.unchanged") };
}
