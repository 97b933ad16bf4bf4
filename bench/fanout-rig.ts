/**
 * One platform's part of the fan-out: its local fake with the caps scaled and its world (run on a worker
 * thread, fanout-fakes.ts), the channels to subscribe, the real adapter pointed at the fake, and the fake's
 * own counters read back afterwards.
 */
import type { Repositories } from "../db/repositories/index.ts";
import type { App } from "../src/app.ts";
import type { ChannelRef, CommunityRef } from "../src/core/channel.ts";
import type { Dispatch, PlatformAdapter } from "../src/core/platform.ts";
import type { Logger } from "../src/core/ports/logger.ts";
import type { CommandTiming } from "./command-timing.ts";
import type { FanoutPlatform } from "./fanout-args.ts";

export interface RigTarget {
  channel: ChannelRef;
  community: CommunityRef;
}

export interface FakeCounts {
  /** Accepted messages per subscribed channel (channels with none are absent or 0). */
  perChannel: Map<ChannelRef, number>;
  /** 429s the fake (and for Slack the app-wide gate) answered. */
  rateLimited: number;
  /** The same, by where it was refused, for the JSON. */
  detail: Record<string, number>;
}

interface WorldBase {
  /** The binding cap, scaled: messages per second across the bot on this platform. */
  capPerSecond: number;
  /** Where that cap comes from, for the report. */
  capSource: string;
  targets: RigTarget[];
}

/** A workspace's bot, as Bolt stores it after an OAuth install. */
export interface SlackTeam {
  id: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

/** What the fakes' process hands back for each fake: where it listens and what it set up. */
export type FakeWorld =
  | (WorldBase & { platform: "telegram"; token: string; apiRoot: string })
  | (WorldBase & { platform: "slack"; apiUrl: string; teams: SlackTeam[] })
  | (WorldBase & { platform: "discord"; token: string; apiUrl: string });

/** A fake started in the fakes' process: its world, its counters, and its shutdown. */
export interface PlatformFake {
  world: FakeWorld;
  counts(): FakeCounts;
  /** Telegram's, when commands were asked for: the groups they come from, timed (command-timing.ts). */
  commands?: CommandTiming;
  close(): Promise<void>;
}

export interface FakeInput {
  /** How many channels (one subscription each). */
  count: number;
  scale: number;
  /** Groups of their own that send `/prisoner` during the pass (Telegram only; 0: none). */
  commandChats: number;
}

export interface Rig extends WorldBase {
  platform: FanoutPlatform;
  adapter: PlatformAdapter;
  close(): Promise<void>;
}

export interface RigInput {
  scale: number;
  /** The bot as the app composes it: Telegram's adapter is the app's own, answering with its dispatch. */
  app: App;
  repositories: Repositories;
  logger: Logger;
  /** Whether commands come during the pass (`--commands`): Telegram's adapter then polls for them. */
  commands: boolean;
  /** The share of Discord's channels whose posts ask to crosspost (`--crosspost-share`, rig-discord.ts). */
  crosspostShare: number;
}

/** Channels per server or workspace: many communities, each with a few dozen subscribed channels. */
export const CHANNELS_PER_COMMUNITY = 50;

/** Slack and Discord only send here; an adapter of theirs that received a command would be a bug in the benchmark. */
export const noDispatch: Dispatch = () => Promise.reject(new Error("the fan-out benchmark only sends"));

/** Counts keyed by the fake's own channel id, turned into counts per subscribed channel. */
export function countsByRef(
  targets: readonly RigTarget[],
  idOf: (target: RigTarget) => string | number,
  count: (id: string | number) => number | undefined,
): Map<ChannelRef, number> {
  return new Map(targets.map((t) => [t.channel, count(idOf(t)) ?? 0]));
}
