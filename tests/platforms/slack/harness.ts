/**
 * The real Slack adapter (real Bolt, real Web API client) against a fresh fake Slack, with in-memory
 * installations and bot moderators, and a dispatch that answers from a small map of realistic (and hostile)
 * replies, or the real commands' dispatch, recording what it was asked.
 */
import { createSlackAdapter, type SlackAdapter } from "../../../platforms/slack/index.ts";
import type { AnyCommand, CommandInvocation } from "../../../src/core/command.ts";
import type { Dispatch } from "../../../src/core/platform.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { reply } from "../../../src/core/reply.ts";
import {
  type AppAnswer,
  type FakeSlack,
  formBody,
  postSigned,
  type RateCaps,
  type ResponsePost,
  slashCommandPayload,
  startFakeSlack,
} from "../../fakes/slack/index.ts";
import {
  createMemoryBotModerators,
  createMemoryInstallationStore,
  type MemoryBotModerators,
  type MemoryInstallationStore,
} from "../../fakes/slack/memory-stores.ts";
import {
  cardReply,
  choicesReply,
  HOSTILE,
  hostileCard,
  type LogEntry,
  memoryLogger,
  sampleCard,
  sampleShare,
  testCommand,
  waitFor,
} from "./fixtures.ts";

export const TEAM = "T0TEAM1";
export const GENERAL = "C0GENERAL";
export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** Replies by `command text`: what the real commands would answer for these inputs. */
const ANSWERS: Record<string, Reply> = {
  "prisoner mammadov": cardReply(),
  "prisoner mam": choicesReply,
  "prisoner mammadov-tofig": cardReply(),
  "prisoner mammadov-ilgar": {
    ...cardReply(sampleCard({ title: "Ilgar Mammadov", profileId: "mammadov-ilgar" })),
    visibility: "private",
  },
  "share mammadov": { kind: "share", kit: sampleShare(), card: sampleCard(), visibility: "private" },
  "prisoner hostile": cardReply(hostileCard()),
  "prisoner deadphoto": cardReply(
    sampleCard({ photo: { url: "https://photos.invalid/x.jpg", alt: "x", credit: "y" } }),
  ),
  "share hostile": {
    kind: "share",
    kit: sampleShare({ text: Object.values(HOSTILE).join("\n") }),
    card: hostileCard(),
    visibility: "private",
  },
  "prisoner hostile list": {
    kind: "choices",
    prompt: HOSTILE.mentions,
    visibility: "private",
    choices: Object.values(HOSTILE).map((text, i) => ({
      label: text,
      detail: text,
      command: "prisoner",
      args: `${text}-${i}`,
    })),
  },
};

export interface HarnessOptions {
  socketMode?: boolean;
  /** Many workspaces through OAuth install, instead of TEAM's bot token. */
  oauth?: boolean;
  caps?: RateCaps;
  /** TEAM's bot moderators at start (default U0BOTMOD, and U0GUEST, whom the guest rule must still refuse). */
  botModerators?: string[];
  requestTimeoutMs?: number;
  /** Arranges the fake before the adapter starts (a fault for its first calls). */
  beforeStart?(fake: FakeSlack): void;
  /** The real commands' dispatch instead of the answer map below. */
  dispatch?: Dispatch;
  commands?: readonly AnyCommand[];
}

export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  invocations: CommandInvocation[];
  /** Workspaces the adapter reported lost (uninstalled, tokens revoked). */
  revoked: Array<{ community: string; reason: string }>;
  installations: MemoryInstallationStore;
  botModerators: MemoryBotModerators;
  logs: LogEntry[];
  /** The app's HTTP base (HTTP mode), e.g. for `/slack/install`. */
  base: string;
  /** The app's events endpoint (HTTP mode). */
  endpoint: string;
  /** Holds every dispatch until called (to prove the ack does not wait for the work). */
  hold(): () => void;
  stop(): Promise<void>;
}

const ROLES = [
  ["U0MEMBER", "member"],
  ["U0MEMBER2", "member"],
  ["U0ADMIN", "admin"],
  ["U0OWNER", "owner"],
  ["U0PRIMARY", "primary_owner"],
  ["U0GUEST", "guest"],
  ["U0SCGUEST", "single_channel_guest"],
  ["U0BOTMOD", "member"],
] as const;

export const TEST_COMMANDS = [
  testCommand("prisoner", "/prisoner <name>"),
  testCommand("share", "/share [name]"),
  testCommand("subscribe", "/subscribe", true),
];

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack({ caps: options.caps ?? { burst: 3 } });
  fake.addTeam({ id: TEAM, name: "solidarity" });
  fake.addChannel({ id: GENERAL, teamId: TEAM, name: "general", botMember: true });
  for (const [id, role] of ROLES) fake.addUser({ id, teamId: TEAM, name: id.toLowerCase(), role });
  options.beforeStart?.(fake);
  const invocations: CommandInvocation[] = [];
  const revoked: Harness["revoked"] = [];
  const installations = createMemoryInstallationStore();
  const botModerators = createMemoryBotModerators({
    [`slack:${TEAM}`]: options.botModerators ?? ["U0BOTMOD", "U0GUEST"],
  });
  const logger = memoryLogger();
  let gate: Promise<void> | undefined;
  const answerMap: Dispatch = async (invocation) => {
    if (invocation.command === "subscribe") {
      return (await invocation.caller.isModerator())
        ? reply.success("Subscribed: the daily family will be posted here at 09:00 UTC.")
        : reply.error("Only this community's moderators can use /subscribe. Nothing was changed.");
    }
    return (
      ANSWERS[`${invocation.command} ${invocation.text ?? ""}`.trim().toLowerCase()] ??
      reply.error("No profile matches.")
    );
  };
  const dispatch = options.dispatch ?? answerMap;
  const adapter = createSlackAdapter({
    ...(options.oauth
      ? { ...fake.oauth, stateSecret: "a-state-secret-for-tests" }
      : { botToken: fake.team(TEAM).botToken }),
    ...(options.socketMode ? { appToken: fake.appToken } : { signingSecret: SIGNING_SECRET }),
    port: 0,
    apiUrl: fake.apiUrl,
    commands: options.commands ?? TEST_COMMANDS,
    logger,
    installationStore: installations,
    botModerators,
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    onWorkspaceRevoked: (community, reason) => {
      revoked.push({ community, reason });
    },
    dispatch: async (invocation) => {
      invocations.push(invocation);
      await gate;
      return dispatch(invocation);
    },
  });
  await adapter.start();
  const base = `http://127.0.0.1:${adapter.httpPort()}`;
  return {
    fake,
    adapter,
    invocations,
    revoked,
    installations,
    botModerators,
    logs: logger.entries,
    base,
    endpoint: `${base}/slack/events`,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}

let asked = 0;

/**
 * A signed slash command as Slack sends it, then the answer it got through its response_url. For commands
 * that must answer; `ack` is the HTTP answer (the acknowledgement).
 */
export async function ask(
  h: Harness,
  line: string,
  as: { userId: string; teamId?: string; channelId?: string },
): Promise<{ ack: AppAnswer; response: ResponsePost; text: string }> {
  const [command = "", ...words] = line.split(" ");
  const id = `ask-${++asked}`;
  const payload = slashCommandPayload({
    teamId: as.teamId ?? TEAM,
    channelId: as.channelId ?? GENERAL,
    userId: as.userId,
    command,
    text: words.join(" "),
    responseUrl: h.fake.responseUrl(id),
  });
  const ack = await postSigned(h.endpoint, formBody(payload), { signingSecret: SIGNING_SECRET });
  await waitFor(() => h.fake.responses.some((r) => r.id === id));
  const response = h.fake.responses.find((r) => r.id === id) as ResponsePost;
  return { ack, response, text: JSON.stringify(response.body) };
}
