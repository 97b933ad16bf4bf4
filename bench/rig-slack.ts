/**
 * Slack: the real adapter (Bolt's Web API client) in OAuth mode, pointed at the app-wide gate in front of
 * the fake Web API (fake-slack.ts, in the fakes' process): every workspace's bot token is stored as
 * an installation in the database, as in production, and read at each post. `send` needs no start().
 */
import { createSlackAdapter } from "../platforms/slack/index.ts";
import { INSTALLATION_PLATFORM } from "../platforms/slack/installations.ts";
import { type FakeWorld, noDispatch, type Rig, type RigInput } from "./fanout-rig.ts";

export async function slackRig(
  world: Extract<FakeWorld, { platform: "slack" }>,
  input: RigInput,
): Promise<Rig> {
  for (const team of world.teams) {
    // What Bolt stores after an OAuth install, reduced to what posting reads: the workspace and its bot token.
    await input.repositories.installations.save(INSTALLATION_PLATFORM, team.id, {
      team: { id: team.id },
      bot: { token: team.botToken, userId: team.botUserId, id: team.botId },
    });
  }
  const adapter = createSlackAdapter({
    clientId: "1111.2222",
    clientSecret: "bench-client-secret",
    stateSecret: "bench-state-secret",
    signingSecret: "bench-signing-secret",
    port: 0,
    apiUrl: world.apiUrl,
    installationStore: input.repositories.installations,
    botModerators: input.repositories.botModerators,
    onWorkspaceRevoked: () => {},
    dispatch: noDispatch,
    commands: [],
    logger: input.logger,
  });
  const { capPerSecond, capSource, targets } = world;
  return { platform: "slack", capPerSecond, capSource, targets, adapter, close: async () => {} };
}
