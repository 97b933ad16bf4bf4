/**
 * Which way the adapter runs, from the credentials it was given: one workspace (a bot token) or many (OAuth
 * install); HTTP (a signing secret) or Socket Mode (an app token). Every problem is reported at once.
 */
import type { Transport } from "./wiring-app.ts";

export interface SlackCredentialOptions {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
}

export type SlackAuth =
  | { kind: "token"; botToken: string }
  | { kind: "oauth"; clientId: string; clientSecret: string; stateSecret: string };

export class SlackModeError extends TypeError {
  constructor(readonly problems: string[]) {
    super(`Slack is not configured correctly:\n- ${problems.join("\n- ")}`);
    this.name = "SlackModeError";
  }
}

const OAUTH = [
  ["clientId", "SLACK_CLIENT_ID"],
  ["clientSecret", "SLACK_CLIENT_SECRET"],
  ["stateSecret", "SLACK_STATE_SECRET"],
] as const;

export function resolveSlackMode(options: SlackCredentialOptions): { auth: SlackAuth; transport: Transport } {
  const problems: string[] = [];
  const auth = readAuth(options, problems);
  const transport = readTransport(options, problems);
  if (!auth || !transport || problems.length > 0) throw new SlackModeError(problems);
  return { auth, transport };
}

function readAuth(options: SlackCredentialOptions, problems: string[]): SlackAuth | undefined {
  const { botToken, clientId, clientSecret, stateSecret } = options;
  const missing = OAUTH.filter(([key]) => !options[key]).map(([, env]) => env);
  if (missing.length > 0 && missing.length < OAUTH.length) {
    problems.push(
      `OAuth install needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET; missing: ${missing.join(", ")}`,
    );
    return undefined;
  }
  if (clientId && clientSecret && stateSecret) {
    if (!botToken) return { kind: "oauth", clientId, clientSecret, stateSecret };
    problems.push(
      "set either SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* settings (OAuth install), not both",
    );
    return undefined;
  }
  if (botToken) return { kind: "token", botToken };
  problems.push(
    "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install)",
  );
  return undefined;
}

function readTransport(options: SlackCredentialOptions, problems: string[]): Transport | undefined {
  if (options.appToken) return { kind: "socket", appToken: options.appToken };
  if (options.signingSecret) return { kind: "http", signingSecret: options.signingSecret };
  problems.push("over HTTP SLACK_SIGNING_SECRET is required (or set SLACK_APP_TOKEN for Socket Mode)");
  return undefined;
}
