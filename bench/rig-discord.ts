/**
 * Discord: the real adapter (discord.js's REST client) pointed at the fake REST API (fake-discord.ts, on
 * the fakes' process); `send` works over REST without start(). discord.js keeps its own global
 * limiter (tuning.globalRequestsPerSecond, 50 in production), scaled by the same factor as the fake's,
 * since it models the same cap.
 *
 * With `--crosspost-share S`, that share of the channels (spread evenly) has its posts ask to crosspost,
 * as a subscription with `crosspost on` does: the adapter publishes each post after it (send.ts), a
 * second request against the global limit that the pacer must count. The bench's channels are text
 * channels (fake-discord.ts), so the fake refuses the publishing with 400 50024, after counting it against
 * its global limit as Discord counts every request; each refusal is logged as a warning.
 */
import { DEFAULT_POST_OPTIONS } from "../src/core/post-options.ts";
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
  const share = input.crosspostShare;
  if (share === 0)
    return { platform: "discord", capPerSecond, capSource, targets, adapter, close: () => adapter.stop() };
  const crossposting = new Set(
    targets.filter((_, i) => Math.floor((i + 1) * share) > Math.floor(i * share)).map((t) => t.channel),
  );
  let sent = 0;
  let published = 0;
  const rigged = {
    ...adapter,
    send: async (...[channel, post]: Parameters<typeof adapter.send>) => {
      const asks = crossposting.has(channel);
      const options = { ...DEFAULT_POST_OPTIONS, ...post.options, crosspost: true };
      const result = await adapter.send(channel, asks ? { ...post, options } : post);
      if (result.kind === "sent") {
        sent += 1;
        if (asks) published += 1;
      }
      return result;
    },
  };
  return {
    platform: "discord",
    capPerSecond,
    capSource,
    targets,
    adapter: rigged,
    async close() {
      const perPost = sent > 0 ? (1 + published / sent).toFixed(3) : "-";
      process.stderr.write(
        `--crosspost-share ${share}: ${published} of ${sent} Discord posts sent were followed by a crosspost request (${perPost} requests per post)\n`,
      );
      await adapter.stop();
    },
  };
}
