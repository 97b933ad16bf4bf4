/**
 * Slack's fake, in the fakes' process: the fake Web API (1 post/s per channel, bursts of 3, as Slack
 * describes) behind the app-wide gate (slack-gate.ts) at our own SLACK_MESSAGES_PER_SECOND budget (20/s)
 * scaled. Hands back each workspace's bot, for the bot's process to store as an installation.
 */
import { encodeChannelRef, encodeCommunityRef } from "../platforms/slack/ids.ts";
import { startFakeSlack } from "../tests/fakes/slack/index.ts";
import {
  CHANNELS_PER_COMMUNITY,
  countsByRef,
  type FakeInput,
  type PlatformFake,
  type RigTarget,
  type SlackTeam,
} from "./fanout-rig.ts";
import { startSlackGate } from "./slack-gate.ts";

const SLACK_BUDGET_PER_SECOND = 20;

const slackId = (prefix: string, n: number) => `${prefix}${String(n).padStart(9, "0")}`;

export async function slackFake(input: FakeInput): Promise<PlatformFake> {
  const cap = SLACK_BUDGET_PER_SECOND * input.scale;
  const fake = await startFakeSlack();
  const gate = await startSlackGate(fake.apiUrl, cap);
  const channelIds = new Map<string, string>();
  const teams: SlackTeam[] = [];
  const targets: RigTarget[] = [];
  for (let i = 0; i < input.count; i += CHANNELS_PER_COMMUNITY) {
    const team = fake.addTeam({ id: slackId("T", i / CHANNELS_PER_COMMUNITY) });
    teams.push({ id: team.id, botToken: team.botToken, botUserId: team.botUserId, botId: team.botId });
    for (let j = i; j < Math.min(input.count, i + CHANNELS_PER_COMMUNITY); j++) {
      const channel = fake.addChannel({
        id: slackId("C", j),
        teamId: team.id,
        name: `daily-${j}`,
        botMember: true,
      });
      const ref = encodeChannelRef(team.id, channel.id);
      channelIds.set(ref, channel.id);
      targets.push({ channel: ref, community: encodeCommunityRef(team.id) });
    }
  }
  return {
    world: {
      platform: "slack",
      capPerSecond: cap,
      capSource: `our SLACK_MESSAGES_PER_SECOND budget (20/s; Slack publishes no app-wide cap) × ${input.scale}, enforced by bench/slack-gate.ts`,
      targets,
      apiUrl: gate.apiUrl,
      teams,
    },
    counts() {
      const stats = fake.stats();
      const fake429 = stats.ratelimited;
      return {
        perChannel: countsByRef(
          targets,
          (t) => channelIds.get(t.channel)!,
          (id) => stats.messagesPerChannel[id as string],
        ),
        rateLimited: fake429 + gate.limited(),
        detail: { appGate429: gate.limited(), perChannel429: fake429 },
      };
    },
    async close() {
      await gate.close();
      await fake.stop();
    },
  };
}
