/**
 * Slack's requests to the app, as Slack sends them: slash commands and block actions, signed with the v0
 * HMAC scheme and posted with the exact content-type Bolt expects (`application/x-www-form-urlencoded`,
 * no charset), or delivered over Socket Mode.
 */
import { createHmac } from "node:crypto";
import { request } from "node:http";

export interface SlashCommandInput {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  command: string;
  text: string;
  responseUrl: string;
  /** The workspace's Enterprise Grid organisation, and whether the app is installed org-wide there. */
  enterpriseId?: string;
  orgInstall?: boolean;
}

/** The form fields of a slash command request (also the Socket Mode `slash_commands` payload). */
export function slashCommandPayload(input: SlashCommandInput): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: input.teamId,
    team_domain: input.teamId.toLowerCase(),
    channel_id: input.channelId,
    channel_name: "general",
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command,
    text: input.text,
    api_app_id: "A0FAKEAPP",
    is_enterprise_install: input.orgInstall ? "true" : "false",
    ...(input.enterpriseId ? { enterprise_id: input.enterpriseId, enterprise_name: input.enterpriseId } : {}),
    response_url: input.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

export interface BlockActionInput {
  teamId: string;
  channelId: string;
  userId: string;
  actionId: string;
  value?: string;
  responseUrl: string;
}

/** A `block_actions` payload for one button click in an (ephemeral) message. */
export function blockActionPayload(input: BlockActionInput): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: input.teamId, domain: input.teamId.toLowerCase() },
    user: { id: input.userId, username: input.userId.toLowerCase(), team_id: input.teamId },
    api_app_id: "A0FAKEAPP",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: input.channelId,
      is_ephemeral: true,
    },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: input.channelId, name: "general" },
    response_url: input.responseUrl,
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "choice" },
        ...(input.value !== undefined ? { value: input.value } : {}),
        action_ts: "1700000001.000200",
      },
    ],
  };
}

export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
export const interactionBody = (payload: unknown): string => formBody({ payload: JSON.stringify(payload) });

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function sign(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPostOptions {
  signingSecret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature (a forgery). */
  signature?: string;
  /** Sent instead of `timestamp` in the header, still signed with `timestamp`; null leaves it out. */
  timestampHeader?: string | null;
  /** Default: a form body, as for slash commands and interactions; events come as `application/json`. */
  contentType?: "application/x-www-form-urlencoded" | "application/json";
}

export interface AppAnswer {
  status: number;
  body: string;
  /** Milliseconds until the app answered (the ack). */
  ms: number;
}

/**
 * An Events API callback (`app_uninstalled`, `tokens_revoked`, `app_home_opened`, …) for one workspace;
 * `org` for a workspace of an Enterprise Grid organisation (`installed` org-wide or not).
 */
export function eventBody(
  teamId: string,
  event: Record<string, unknown>,
  org?: { enterpriseId: string; installed: boolean },
): string {
  const authorization = {
    enterprise_id: org?.enterpriseId ?? null,
    team_id: org?.installed ? null : teamId,
    user_id: "U0BOT",
    is_bot: true,
    is_enterprise_install: org?.installed ?? false,
  };
  return JSON.stringify({
    ...(org ? { enterprise_id: org.enterpriseId } : {}),
    token: "legacy-verification-token",
    type: "event_callback",
    team_id: teamId,
    api_app_id: "A0FAKEAPP",
    event,
    event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations:
      event.type === "app_uninstalled" || event.type === "tokens_revoked" ? [] : [authorization],
  });
}

/** Posts a signed body to the app's endpoint, as Slack would. */
export function postSigned(url: string, body: string, options: SignedPostOptions): Promise<AppAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const stamp = options.timestampHeader === undefined ? String(timestamp) : options.timestampHeader;
  const headers = {
    "content-type": options.contentType ?? "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(body)),
    ...(stamp === null ? {} : { "x-slack-request-timestamp": stamp }),
    "x-slack-signature": options.signature ?? sign(options.signingSecret, timestamp, body),
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}
