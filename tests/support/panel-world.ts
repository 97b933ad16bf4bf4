/**
 * The staff panel on the real composition root: createApp on a migrated PGlite with the sample campaign
 * and one profile whose text holds markup (`<script>`), the panel's dependencies built by src/app-panel-deps.ts,
 * and helpers to sign in and to ask the console's /prisoner.
 */
import { fileURLToPath } from "node:url";
import { type App, createApp } from "../../src/app.ts";
import { staffAccess } from "../../src/app-panel.ts";
import { panelDeps } from "../../src/app-panel-deps.ts";
import { panelOAuth } from "../../src/app-panel-oauth.ts";
import { cardPreviews, messageLink } from "../../src/app-panel-previews.ts";
import { readImportFiles } from "../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../src/config.ts";
import { channelRef, communityRef } from "../../src/core/channel.ts";
import type { Profile } from "../../src/core/profile.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { StaffRole } from "../../src/core/staff.ts";
import type { PanelDeps } from "../../src/panel/deps.ts";
import { localDateOf } from "../../src/core/time.ts";
import { createMemoryLogger } from "../fakes/memory-logger.ts";
import { openPgliteTestDatabase } from "./test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../data", import.meta.url));
export const MARKUP = `<script>document.title="owned"</script><img src=x onerror=alert(1)>`;
export const MARKUP_ID = "markup-test";

export interface PanelWorld {
  app: App;
  deps: PanelDeps;
  /** A fresh one-time sign-in token for a person with a role. */
  linkToken(name: string, role: StaffRole): Promise<string>;
  /** The console's /prisoner reply, as a person in a console channel would get it. */
  prisoner(name: string): Promise<Reply>;
  /** Moves the app's clock (only for a world started with `now`). */
  setNow(at: string): void;
  close(): Promise<void>;
}

/** `now`: the app's clock starts there and moves only by `setNow`; without it, the system's clock. */
export async function startPanelWorld(
  env: Record<string, string> = {},
  options: { now?: string } = {},
): Promise<PanelWorld> {
  const logger = createMemoryLogger();
  const database = await openPgliteTestDatabase();
  let now = options.now === undefined ? undefined : new Date(options.now);
  const clock = { now: () => now ?? new Date() };
  const app = await createApp(loadConfig(env), { logger, database, clock });
  const read = await readImportFiles([SAMPLE]);
  const base = read.profiles.find((p) => p.id === "khalil-matouk")!;
  const markup: Profile = {
    ...base,
    id: MARKUP_ID,
    displayName: `Test ${MARKUP}`,
    names: [{ value: "Markup Tester", kind: "primary", searchable: true }],
    summary: { ...base.summary, text: `Summary with ${MARKUP} in it.` },
  };
  await app.repositories.catalog.importBundle(
    { campaigns: read.campaigns, profiles: [...read.profiles, markup] },
    "test",
  );
  await seedChannels(app, clock.now());
  // Sign-in with Discord or Slack, when the environment configures it (pointed at the local fakes).
  const oauth = await panelOAuth(app);
  return {
    app,
    deps: { ...panelDeps(app), previews: cardPreviews, messageLink, ...(oauth ? { oauth } : {}) },
    async linkToken(name, role) {
      return (await staffAccess(app).issueLink({ name, role, actor: "test" })).token;
    },
    prisoner: (name) =>
      app.dispatch({
        command: "prisoner",
        text: name,
        platform: "console",
        channel: channelRef("console:local"),
        community: communityRef("console:local"),
        caller: { id: "local", isModerator: async () => true },
      }),
    setNow(at) {
      if (now === undefined) throw new Error("this panel world runs on the system's clock");
      now = new Date(at);
    },
    close: () => app.close(),
  };
}

/** A few subscriptions on several platforms and zones, one paused, and a spotlight today in one channel. */
async function seedChannels(app: App, now: Date): Promise<void> {
  const { subscriptions, spotlights } = app.repositories;
  const campaignId = "free-to-be-home-2016";
  const channels = [
    ["discord:111:222", "discord:111", "09:00", "Asia/Baku"],
    ["slack:T01:C02", "slack:T01", "18:30", "Europe/Berlin"],
    ["telegram:-1001234", "telegram:-1001234", "07:15", "America/New_York"],
    ["console:local", "console:local", "12:00", "UTC"],
  ] as const;
  for (const [channel, community, postTime, timezone] of channels) {
    await subscriptions.upsert({
      channel: channelRef(channel),
      community: communityRef(community),
      campaignId,
      postTime,
      timezone,
      actor: "test",
      at: now,
    });
  }
  await subscriptions.pause(channelRef("telegram:-1001234"), {
    reason: "the bot was removed from the chat",
    actor: "telegram",
  });
  await spotlights.add({
    scope: "channel",
    channel: channelRef("slack:T01:C02"),
    community: communityRef("slack:T01"),
    campaignId,
    profileId: "narges-mohammadi",
    localDate: localDateOf(now, "Europe/Berlin"),
    timezone: "Europe/Berlin",
    createdBy: "slack:U1",
  });
}
