/**
 * The staff panel with sign-in through Discord and Slack, both pointed at the local fakes: a Discord
 * server and a Slack workspace subscribed to the daily post, and helpers that walk a person through the
 * platform's consent page (its Authorize/Allow or Cancel button, as the browser would press it).
 */
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/index.ts";
import { channelRef, communityRef } from "../../src/core/channel.ts";
import { type PanelWorld, startPanelWorld } from "./panel-world.ts";

export const PANEL_URL = "http://panel.test";

export interface OAuthWorld {
  world: PanelWorld;
  discord: FakeDiscord;
  slack: FakeSlack;
  /** A Discord server with a subscription here (and the Slack workspace T01, subscribed by panel-world). */
  guildId: string;
  close(): Promise<void>;
}

export async function startOAuthWorld(
  options: { now?: string; publicUrl?: string } = {},
): Promise<OAuthWorld> {
  const publicUrl = options.publicUrl ?? PANEL_URL;
  const [discord, slack] = await Promise.all([startFakeDiscord(), startFakeSlack()]);
  discord.oauthClient.redirectUris.add(`${publicUrl}/sign-in/discord/callback`);
  slack.openid.redirectUrls.add(`${publicUrl}/sign-in/slack/callback`);
  slack.addTeam({ id: "T01" });
  const world = await startPanelWorld(
    {
      PANEL_PUBLIC_URL: publicUrl,
      PANEL_DISCORD_CLIENT_ID: discord.oauthClient.id,
      PANEL_DISCORD_CLIENT_SECRET: discord.oauthClient.secret,
      DISCORD_API_URL: discord.apiUrl,
      PANEL_SLACK_CLIENT_ID: slack.oauth.clientId,
      PANEL_SLACK_CLIENT_SECRET: slack.oauth.clientSecret,
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: slack.team("T01").botToken,
      SLACK_APP_TOKEN: slack.appToken,
    },
    options.now === undefined ? {} : { now: options.now },
  );
  const guild = discord.addGuild("Solidarity");
  const channel = discord.addChannel(guild, "daily");
  await world.app.repositories.subscriptions.upsert({
    channel: channelRef(`discord:${guild.id}:${channel.id}`),
    community: communityRef(`discord:${guild.id}`),
    campaignId: "free-to-be-home-2016",
    postTime: "09:00",
    timezone: "UTC",
    actor: "test",
  });
  return {
    world,
    discord,
    slack,
    guildId: guild.id,
    async close() {
      await world.close();
      await Promise.all([discord.close(), slack.stop()]);
    },
  };
}

/**
 * Presses a button of the platform's consent page at `authorizeUrl` (the form it shows, posted as the
 * browser would) and returns where the platform sends the browser back to.
 */
export async function consent(authorizeUrl: string, decision: "allow" | "deny"): Promise<string> {
  const url = new URL(authorizeUrl);
  const shown = await fetch(url);
  if (shown.status !== 200) throw new Error(`consent page: ${shown.status} ${await shown.text()}`);
  const fields = new URLSearchParams(url.searchParams);
  fields.set("decision", decision);
  const res = await fetch(new URL(url.pathname, url), {
    method: "POST",
    body: fields.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = res.headers.get("location");
  if (res.status !== 302 || !location) throw new Error(`consent: ${res.status} ${await res.text()}`);
  return location;
}
