/**
 * Which platform adapters run: those whose credentials are set, each built from the configuration and
 * wired to the app's dispatch, search and subscriptions. Part of the composition root, the one place that
 * knows every platform; platform events that end a channel's access pause its subscriptions here.
 *
 * A platform's module (and its client library: discord.js and Slack's Bolt take most of a second of CPU
 * to load) is imported only when its credentials are set, so `console`, `deliver` and a start with one
 * platform do not load the others.
 */
import type { App } from "./app.ts";
import type { DiscordAdapter } from "../platforms/discord/index.ts";
import type { TelegramAdapter } from "../platforms/telegram/index.ts";
import type { SlackHomeSource } from "../platforms/slack/index.ts";
import type { ChannelRef, CommunityRef } from "./core/channel.ts";
import { channelClock, nextPostOf } from "./core/channel-clock.ts";
import { ConfigError } from "./core/errors.ts";
import type { PlatformAdapter } from "./core/platform.ts";
import { channelLanguage, replyLanguage } from "./core/i18n/choose.ts";
import { tellSubscriber } from "./delivery/moderator-notice.ts";
import { translatorFor } from "./core/i18n/translator.ts";
import type { InlineFound } from "../platforms/telegram/inline.ts";
import { applyAccessChange } from "./delivery/channel-access.ts";
import { answerPace } from "./delivery/paced-adapter.ts";
import { channelTranslators } from "./delivery/languages.ts";

import { commands } from "../commands/index.ts";
export {
  CONSOLE_HISTORY_FILE,
  type ConsoleChatOptions,
  type ConsoleTerminal,
  createConsoleAdapter,
  runConsoleChat,
} from "../platforms/console/index.ts";

/** Adapters that can also register their commands with the platform (`register-commands`). */
export type RegisteringAdapter = DiscordAdapter | TelegramAdapter;

function pauses(app: App, platform: string) {
  const actor = platform;
  return {
    channelGone: async (channel: ChannelRef, reason: string) => {
      await app.repositories.subscriptions.pause(channel, { reason, actor });
    },
    communityGone: async (community: CommunityRef, reason: string) => {
      const paused = await app.repositories.subscriptions.pauseCommunity(community, { reason, actor });
      app.logger.warn({ community, reason, paused: paused.length }, "paused a community's subscriptions");
    },
  };
}

async function inlineResults(app: App, query: string, limit: number, locale: string | undefined) {
  const found: InlineFound[] = [];
  // An inline query comes from no channel: its cards are in the asker's language, else the default.
  const tr = translatorFor(
    replyLanguage({ memberLocale: locale, defaultLanguage: app.services.defaults.language }),
  );
  for (const suggestion of await app.services.catalog.suggest(query, limit)) {
    const stored = await app.services.catalog.get(suggestion.profileId);
    const campaign = await app.services.catalog.campaign(stored?.profile.campaign);
    if (!stored || !campaign) continue;
    // An inline query comes from no channel: judged as of today in the default zone, as in an unsubscribed one.
    const today = channelClock(undefined, app.services.defaults.timezone, app.services.clock.now()).today;
    const card = app.services.presenter.card(stored, campaign, today, tr);
    // An inline result is posted into a chat as it is: a stale profile would pass for today's status.
    if (card.stale) continue;
    found.push({
      card,
      share: app.services.presenter.shareKit(stored, campaign, tr),
      language: tr.language.tag,
    });
  }
  return found;
}

/** DEFAULT_LANGUAGE, for what an adapter says itself to a member whose language it cannot match. */
const defaultLanguage = (app: App) =>
  app.services.defaults.language ? { defaultLanguage: app.services.defaults.language } : {};

async function telegram(app: App): Promise<TelegramAdapter | undefined> {
  const c = app.config;
  if (!c.TELEGRAM_BOT_TOKEN) return undefined;
  const { createTelegramAdapter } = await import("../platforms/telegram/index.ts");
  const access = {
    subscriptions: app.repositories.subscriptions,
    clock: app.services.clock,
    logger: app.logger,
    translators: () =>
      channelTranslators({ channelLanguages: app.services.channelLanguages, ...defaultLanguage(app) }),
  };
  const adapter: TelegramAdapter = createTelegramAdapter({
    token: c.TELEGRAM_BOT_TOKEN,
    ...(c.TELEGRAM_API_ROOT ? { apiRoot: c.TELEGRAM_API_ROOT } : {}),
    ...(c.TELEGRAM_WEBHOOK_URL && c.TELEGRAM_WEBHOOK_SECRET
      ? {
          webhook: {
            url: c.TELEGRAM_WEBHOOK_URL,
            secret: c.TELEGRAM_WEBHOOK_SECRET,
            port: c.TELEGRAM_WEBHOOK_PORT,
          },
        }
      : {}),
    dispatch: app.dispatch,
    inlineResults: (query, limit, locale) => inlineResults(app, query, limit, locale),
    commands: app.commands,
    logger: app.logger,
    ...defaultLanguage(app),
    onUsername: (username) => app.services.telegramBot.set(username),
    // Telegram counts a command's answer with the posts against its caps (~30/s, 1/s a chat, 20/min a
    // group): the answers take places from the posts' pacer, ahead of them.
    answerPace: answerPace(app.pacers.get("telegram")),
    // The bot removed, demoted or its post right turned off in a chat: its subscription pauses; given back, it resumes.
    onAccessChange: async (channel, change, actor) => {
      const outcome = await applyAccessChange(access, adapter, channel, change, actor);
      app.logger.info({ channel, change, outcome }, "telegram: the bot's access to a chat changed");
      return outcome;
    },
  });
  return adapter;
}

async function discord(app: App): Promise<DiscordAdapter | undefined> {
  const c = app.config;
  if (!c.DISCORD_TOKEN) return undefined;
  const { createDiscordAdapter } = await import("../platforms/discord/index.ts");
  const gone = pauses(app, "discord");
  // The adapter tells the moderator of a channel it can no longer post in, so it is known only once built.
  let built: DiscordAdapter | undefined;
  const adapter = createDiscordAdapter({
    token: c.DISCORD_TOKEN,
    ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
    dispatch: app.dispatch,
    commands: app.commands,
    autocomplete: async (query) =>
      (await app.services.catalog.suggest(query, 25)).map((s) => ({ name: s.label, value: s.profileId })),
    logger: app.logger,
    ...defaultLanguage(app),
    onChannelGone: gone.channelGone,
    onCommunityGone: gone.communityGone,
    onAccessLost: (channel, reason) => accessLost(app, built, channel, reason),
    // No answer pace: every answer is an interaction response or a follow-up through the interaction's
    // webhook, and "interaction endpoints are not bound to the bot's global rate limit" (Discord's
    // rate-limits page), nor are they a channel's message route. So posts keep the whole global cap.
    ...(c.DISCORD_SHARD_COUNT
      ? {
          shards: {
            count: c.DISCORD_SHARD_COUNT,
            ids: c.DISCORD_SHARD_IDS ?? Array.from({ length: c.DISCORD_SHARD_COUNT }, (_, i) => i),
          },
        }
      : {}),
  });
  built = adapter;
  return adapter;
}

/**
 * A platform took away the bot's access to one channel: its subscription is paused (only that one) and
 * the moderator who subscribed it told in private, once: a subscription already paused is not told again.
 */
async function accessLost(
  app: App,
  adapter: PlatformAdapter | undefined,
  channel: ChannelRef,
  reason: string,
) {
  const paused = await app.repositories.subscriptions.pause(channel, { reason, actor: "discord" });
  if (!paused || !adapter) return;
  app.logger.warn({ channel, reason }, "paused a subscription: the bot lost access to its channel");
  const tr = translatorFor(
    channelLanguage({
      channelLanguage: await app.services.channelLanguages.get(channel),
      defaultLanguage: app.services.defaults.language,
    }),
  );
  await tellSubscriber({ logger: app.logger }, adapter, paused, reason, tr);
}

/**
 * What Slack's App Home shows and changes: a workspace's subscriptions with their next post (the channel
 * clock's), pause and resume through the subscriptions repository (audited; resuming is what /subscribe and
 * the panel do: the same settings, active again from now), and the catalog's name suggestions.
 */
function slackHome(app: App): SlackHomeSource {
  const subscriptions = app.repositories.subscriptions;
  return {
    async channelsOf(community) {
      const now = app.services.clock.now();
      return (await subscriptions.list())
        .filter((s) => s.community === community && s.state !== "stopped")
        .map((s) => ({
          channel: s.channel,
          state: s.state === "paused" ? ("paused" as const) : ("active" as const),
          timezone: s.timezone,
          ...(s.pausedReason ? { pausedReason: s.pausedReason } : {}),
          ...(s.state === "active" ? { nextPost: nextPostOf(s, now).at } : {}),
        }));
    },
    pause: async (channel, input) => (await subscriptions.pause(channel, input)) !== undefined,
    async resume(channel, actor) {
      const s = await subscriptions.findByChannel(channel);
      if (s?.state !== "paused") return false;
      const { community, campaignId, postTime, timezone } = s;
      await subscriptions.upsert({
        channel,
        community,
        campaignId,
        postTime,
        timezone,
        actor,
        at: app.services.clock.now(),
      });
      return true;
    },
    suggest: async (query, limit) =>
      (await app.services.catalog.suggest(query, limit)).map((s) => ({ label: s.label, value: s.profileId })),
  };
}

async function slack(app: App): Promise<PlatformAdapter | undefined> {
  const c = app.config;
  if (!c.platforms.slack) return undefined;
  const { createSlackAdapter, SlackModeError } = await import("../platforms/slack/index.ts");
  const gone = pauses(app, "slack");
  const optional = <K extends keyof typeof c>(key: K, as: string) =>
    c[key] === undefined ? {} : { [as]: c[key] };
  try {
    return createSlackAdapter({
      ...optional("SLACK_BOT_TOKEN", "botToken"),
      ...optional("SLACK_SIGNING_SECRET", "signingSecret"),
      ...optional("SLACK_APP_TOKEN", "appToken"),
      ...optional("SLACK_CLIENT_ID", "clientId"),
      ...optional("SLACK_CLIENT_SECRET", "clientSecret"),
      ...optional("SLACK_STATE_SECRET", "stateSecret"),
      ...optional("SLACK_API_URL", "apiUrl"),
      port: c.SLACK_PORT,
      installationStore: app.repositories.installations,
      botModerators: app.repositories.botModerators,
      onWorkspaceRevoked: (community, reason) => gone.communityGone(community, `Slack: ${reason}`),
      dispatch: app.dispatch,
      commands: app.commands,
      home: slackHome(app),
      logger: app.logger,
      ...defaultLanguage(app),
      // Slash commands and buttons are answered through response_url, which is not a Web API method and
      // not under chat.postMessage's limits (Slack allows 5 uses of it in 30 minutes); only a mention's
      // answer is a chat.postMessage, counted with the posts (1 a second a channel), so it is paced.
      answerPace: answerPace(app.pacers.get("slack")),
    });
  } catch (err) {
    if (err instanceof SlackModeError) throw new ConfigError(err.problems);
    throw err;
  }
}

/** Built one after another, in this order: a settings error in one stops the ones after it. */
export async function createPlatformAdapters(app: App): Promise<PlatformAdapter[]> {
  const built = [await telegram(app), await slack(app), await discord(app)];
  return built.filter((a): a is PlatformAdapter => a !== undefined);
}

/** The adapters whose platform keeps a command list (Discord's slash commands, Telegram's menus). */
export async function createRegisteringAdapters(app: App): Promise<RegisteringAdapter[]> {
  const built = [await discord(app), await telegram(app)];
  return built.filter((a): a is RegisteringAdapter => a !== undefined);
}

/**
 * The Slack app manifest for our commands: Socket Mode, or HTTP at a public URL; token rotation and
 * org-wide installs when asked for (both need the public URL's OAuth install).
 */
export async function slackManifest(
  publicUrl?: string,
  options: { tokenRotation?: boolean; orgDeploy?: boolean } = {},
): Promise<object> {
  const { createSlackManifest } = await import("../platforms/slack/index.ts");
  return createSlackManifest(commands, { ...(publicUrl ? { publicUrl } : {}), ...options });
}
