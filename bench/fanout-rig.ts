/**
 * One platform's part of the fan-out: its local fake with the caps scaled, the channels to subscribe, the
 * real adapter pointed at the fake, and the fake's own counters read back afterwards.
 */
import type { Repositories } from "../db/repositories/index.ts";
import type { ChannelRef, CommunityRef } from "../src/core/channel.ts";
import type { Dispatch, PlatformAdapter } from "../src/core/platform.ts";
import type { Logger } from "../src/core/ports.ts";
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

export interface Rig {
  platform: FanoutPlatform;
  /** The binding cap, scaled: messages per second across the bot on this platform. */
  capPerSecond: number;
  /** Where that cap comes from, for the report. */
  capSource: string;
  targets: RigTarget[];
  adapter: PlatformAdapter;
  counts(): FakeCounts;
  close(): Promise<void>;
}

export interface RigInput {
  /** How many channels (one subscription each). */
  count: number;
  scale: number;
  repositories: Repositories;
  logger: Logger;
}

/** Channels per server or workspace: many communities, each with a few dozen subscribed channels. */
export const CHANNELS_PER_COMMUNITY = 50;

/** The benchmark only sends; an adapter that received a command here would be a bug in the benchmark. */
export const noDispatch: Dispatch = () => Promise.reject(new Error("the fan-out benchmark only sends"));

/** Counts keyed by the fake's own channel id, turned into counts per subscribed channel. */
export function countsByRef(
  targets: readonly RigTarget[],
  idOf: (target: RigTarget) => string | number,
  count: (id: string | number) => number | undefined,
): Map<ChannelRef, number> {
  return new Map(targets.map((t) => [t.channel, count(idOf(t)) ?? 0]));
}
