/**
 * Discord's fake, in the fakes' process: the fake REST API with its global limit (50 requests/s,
 * fixed one-second windows) scaled. The per-channel 5 per 5 s stays as it is: one post per channel never
 * reaches it. Ids are realistic snowflakes from the fake, so the library buckets per channel.
 */
import { encodeChannel, guildCommunity } from "../platforms/discord/ids.ts";
import { startFakeDiscord } from "../tests/fakes/discord/index.ts";
import {
  CHANNELS_PER_COMMUNITY,
  countsByRef,
  type FakeInput,
  type PlatformFake,
  type RigTarget,
} from "./fanout-rig.ts";

const DISCORD_GLOBAL_PER_SECOND = 50;

export async function discordFake(input: FakeInput): Promise<PlatformFake> {
  const cap = DISCORD_GLOBAL_PER_SECOND * input.scale;
  const fake = await startFakeDiscord({ limits: { globalPerSecond: cap } });
  const channelIds = new Map<string, string>();
  const targets: RigTarget[] = [];
  for (let i = 0; i < input.count; i += CHANNELS_PER_COMMUNITY) {
    const guild = fake.addGuild(`Bench server ${i / CHANNELS_PER_COMMUNITY}`);
    for (let j = i; j < Math.min(input.count, i + CHANNELS_PER_COMMUNITY); j++) {
      const channel = fake.addChannel(guild, `daily-${j}`);
      const ref = encodeChannel(guild.id, channel.id);
      channelIds.set(ref, channel.id);
      targets.push({ channel: ref, community: guildCommunity(guild.id) });
    }
  }
  if (channelIds.size !== input.count) throw new Error("the fake Discord handed out a channel id twice");
  return {
    world: {
      platform: "discord",
      capPerSecond: cap,
      capSource: `Discord's 50 requests/s global limit × ${input.scale}`,
      targets,
      token: fake.token,
      apiUrl: fake.apiUrl,
    },
    counts() {
      const stats = fake.stats();
      return {
        perChannel: countsByRef(
          targets,
          (t) => channelIds.get(t.channel)!,
          (id) => stats.messagesPerChannel.get(id as string),
        ),
        rateLimited: stats.rateLimited,
        detail: { global429: stats.global429, channel429: stats.bucket429 },
      };
    },
    close: () => fake.close(),
  };
}
