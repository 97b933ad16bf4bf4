/**
 * Slack's side of the whole-app Slack tests: workspaces with a member and an admin in the fake, channels,
 * and slash commands sent as Slack sends them (signed HTTP posts, or Socket Mode envelopes), each waiting
 * for the answer the app posts to its response_url.
 */
import type { SlackAdapter } from "../../platforms/slack/index.ts";
import { channelRef } from "../../src/core/channel.ts";
import {
  type FakeSlack,
  formBody,
  postSigned,
  type ResponsePost,
  slashCommandPayload,
  startFakeSlack,
} from "../fakes/slack/index.ts";
import { type AppWorld, startAppWorld } from "./app-world.ts";

export const SIGNING_SECRET = "e2e-signing-secret-4f1c9a7b2d8e6f30";

export interface Workspace {
  teamId: string;
  member: string;
  admin: string;
}

/** A workspace whose bot token the fake hands out (SLACK_BOT_TOKEN, or through the OAuth install). */
export function addWorkspace(fake: FakeSlack, teamId: string): Workspace {
  fake.addTeam({ id: teamId, name: teamId.toLowerCase() });
  const ws = { teamId, member: `U${teamId.slice(1)}MEM`, admin: `U${teamId.slice(1)}ADM` };
  fake.addUser({ id: ws.member, teamId, name: `${teamId.toLowerCase()}-member`, role: "member" });
  fake.addUser({ id: ws.admin, teamId, name: `${teamId.toLowerCase()}-admin`, role: "admin" });
  return ws;
}

/**
 * The fake's rate-limit clock: real time, except that a test can hold it still until Slack refuses a
 * post. A test that uses up a channel's burst and expects the next post refused then does not depend on
 * how soon, in real time, that post comes (seconds on a loaded machine, a token back for each second).
 */
function holdableClock() {
  let shift = 0;
  let heldAt: number | undefined;
  const now = () => heldAt ?? performance.now() - shift;
  return {
    now,
    /** Stands still until the fake next refuses a call, then runs on from where it stood, at once. */
    holdUntilRefused(fake: FakeSlack) {
      heldAt = now();
      // At the refusal itself, not when next read: a Retry-After waited out must find the time gone by.
      fake.rejections.push = (...refused) => {
        shift = performance.now() - (heldAt ?? now());
        heldAt = undefined;
        Reflect.deleteProperty(fake.rejections, "push"); // Array.prototype.push again
        return fake.rejections.push(...refused);
      };
    },
  };
}

/** The whole app on one workspace over HTTP (SLACK_BOT_TOKEN, signed requests), against a fresh fake. */
export async function startOneWorkspaceApp(teamId: string, start: string) {
  const slackTime = holdableClock();
  const fake = await startFakeSlack({ now: slackTime.now });
  const ws = addWorkspace(fake, teamId);
  const world = await startAppWorld(
    {
      SLACK_BOT_TOKEN: fake.team(ws.teamId).botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: "0",
      SLACK_API_URL: fake.apiUrl,
    },
    start,
  );
  return { fake, ws, world, slackTime };
}

let channels = 0;

/** A fresh public channel the bot is in: each test posts to its own, so counts never mix. */
export function addChannel(fake: FakeSlack, ws: Workspace): string {
  const id = `C0E2E${++channels}`;
  fake.addChannel({ id, teamId: ws.teamId, name: `channel-${channels}`, botMember: true });
  return id;
}

export const refOf = (ws: Workspace, channel: string) => channelRef(`slack:${ws.teamId}:${channel}`);

/** The app's Slack HTTP base (HTTP mode, and the install pages with OAuth). */
export function slackBase(world: AppWorld): string {
  const slack = world.adapters.find((a) => a.platform === "slack") as SlackAdapter | undefined;
  const port = slack?.httpPort();
  if (port === undefined) throw new Error("the Slack adapter listens on no HTTP port");
  return `http://127.0.0.1:${port}`;
}

export interface Asked {
  /** The acknowledgement: the HTTP status (HTTP mode), or the acknowledged envelope (Socket Mode). */
  ack: { status: number } | { envelopeId: string };
  response: ResponsePost;
  /** The whole answer as JSON, for matching words in it. */
  text: string;
}

export type Via = { http: string } | "socket";

let asked = 0;

/** `line` typed by `userId` in `channelId`, delivered the way `via` says; resolves with the app's answer. */
export async function slash(
  fake: FakeSlack,
  via: Via,
  line: string,
  as: { teamId: string; channelId: string; userId: string },
): Promise<Asked> {
  const [command = "", ...words] = line.split(" ");
  const id = `e2e-${++asked}`;
  const payload = slashCommandPayload({
    ...as,
    command,
    text: words.join(" "),
    responseUrl: fake.responseUrl(id),
  });
  const ack =
    via === "socket"
      ? { envelopeId: (await fake.socket.push("slash_commands", payload)).envelope_id }
      : {
          status: (
            await postSigned(`${via.http}/slack/events`, formBody(payload), { signingSecret: SIGNING_SECRET })
          ).status,
        };
  await waitFor(() => fake.responses.some((r) => r.id === id), `an answer to ${line}`);
  const response = fake.responses.find((r) => r.id === id) as ResponsePost;
  return { ack, response, text: JSON.stringify(response.body) };
}

/** Polls until `check` holds; the app answers after its ack, so there is nothing to await directly. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Posts `count` messages to a channel with the workspace's own token, as another of the bot's posts would:
 * they use up the channel's burst, so the app's next post there gets Slack's 429 with Retry-After.
 */
export async function useUpChannelBudget(fake: FakeSlack, teamId: string, channel: string, count: number) {
  for (let i = 0; i < count; i++) {
    const answer = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.team(teamId).botToken}`, "content-type": "application/json" },
      body: JSON.stringify({ channel, text: `earlier message ${i + 1}` }),
    });
    const body = (await answer.json()) as { ok: boolean };
    if (!body.ok) throw new Error(`could not post ahead to ${channel}: ${JSON.stringify(body)}`);
  }
}
