/**
 * Slack: the fake Web API (1 post/s per channel, bursts of 3, as Slack describes) behind the app-wide gate
 * (slack-gate.ts) at our own SLACK_MESSAGES_PER_SECOND budget (20/s) scaled, and the real adapter (Bolt's
 * Web API client) in OAuth mode: every workspace's bot token is stored as an installation in the
 * database, as in production, and read at each post. `send` needs no start().
 */
import { encodeChannelRef, encodeCommunityRef } from "../platforms/slack/ids.ts";
import { createSlackAdapter } from "../platforms/slack/index.ts";
import { INSTALLATION_PLATFORM } from "../platforms/slack/installations.ts";
import { startFakeSlack } from "../tests/fakes/slack/index.ts";
import {
  CHANNELS_PER_COMMUNITY,
  countsByRef,
  noDispatch,
  type Rig,
  type RigInput,
  type RigTarget,
} from "./fanout-rig.ts";
import { startSlackGate } from "./slack-gate.ts";

const SLACK_BUDGET_PER_SECOND = 20;

const slackId = (prefix: string, n: number) => `${prefix}${String(n).padStart(9, "0")}`;

export async function slackRig(input: RigInput): Promise<Rig> {
  const cap = SLACK_BUDGET_PER_SECOND * input.scale;
  const fake = await startFakeSlack();
  const gate = await startSlackGate(fake.apiUrl, cap);
  const channelIds = new Map<string, string>();
  const targets: RigTarget[] = [];
  for (let i = 0; i < input.count; i += CHANNELS_PER_COMMUNITY) {
    const team = fake.addTeam({ id: slackId("T", i / CHANNELS_PER_COMMUNITY) });
    // What Bolt stores after an OAuth install, reduced to what posting reads: the workspace and its bot token.
    await input.repositories.installations.save(INSTALLATION_PLATFORM, team.id, {
      team: { id: team.id },
      bot: { token: team.botToken, userId: team.botUserId, id: team.botId },
    });
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
  const adapter = createSlackAdapter({
    clientId: "1111.2222",
    clientSecret: "bench-client-secret",
    stateSecret: "bench-state-secret",
    signingSecret: "bench-signing-secret",
    port: 0,
    apiUrl: gate.apiUrl,
    installationStore: input.repositories.installations,
    botModerators: input.repositories.botModerators,
    onWorkspaceRevoked: () => {},
    dispatch: noDispatch,
    commands: [],
    logger: input.logger,
  });
  return {
    platform: "slack",
    capPerSecond: cap,
    capSource: `our SLACK_MESSAGES_PER_SECOND budget (20/s; Slack publishes no app-wide cap) × ${input.scale}, enforced by bench/slack-gate.ts`,
    targets,
    adapter,
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
