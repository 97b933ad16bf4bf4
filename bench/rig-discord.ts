/**
 * Discord: the real adapter (discord.js's REST client) pointed at the fake REST API (fake-discord.ts, on
 * the fakes' process); `send` works over REST without start(). discord.js keeps its own global
 * limiter (tuning.globalRequestsPerSecond, 50 in production), scaled by the same factor as the fake's,
 * since it models the same cap.
 */
import { createDiscordAdapter } from "../platforms/discord/index.ts";
import { type FakeWorld, noDispatch, type Rig, type RigInput } from "./fanout-rig.ts";

export function discordRig(world: Extract<FakeWorld, { platform: "discord" }>, input: RigInput): Rig {
  const adapter = createDiscordAdapter({
    token: world.token,
    apiUrl: world.apiUrl,
    dispatch: noDispatch,
    commands: [],
    autocomplete: async () => [],
    logger: input.logger,
    tuning: { globalRequestsPerSecond: world.capPerSecond },
  });
  const { capPerSecond, capSource, targets } = world;
  return { platform: "discord", capPerSecond, capSource, targets, adapter, close: () => adapter.stop() };
}
