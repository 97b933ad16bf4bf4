/**
 * The Bolt app for each way of running: one workspace with a bot token, or many through OAuth install; over
 * HTTP (signed requests, through our receiver in http-receiver.ts) or Socket Mode (an app token). The two
 * choices are independent.
 */
import { App, type AppOptions, type InstallationStore as BoltInstallationStore } from "@slack/bolt";
import type { Logger } from "../../src/core/ports/logger.ts";
import { boltLogger } from "./bolt-logger.ts";
import { createHttpReceiver } from "./wiring-http-receiver.ts";
import { BOT_SCOPES } from "./manifest.ts";
import {
  authorizationUrl,
  clientOptions,
  socketModeClientOptions,
  type WebClientSettings,
} from "./web-client.ts";

export type Credentials =
  | { kind: "token"; botToken: string; botId?: string; botUserId?: string }
  | {
      kind: "oauth";
      clientId: string;
      clientSecret: string;
      /** Signs the OAuth `state`, which ties the redirect back to the browser that started the install. */
      stateSecret: string;
      installationStore: BoltInstallationStore;
    };

export type Transport = { kind: "http"; signingSecret: string } | { kind: "socket"; appToken: string };

export interface BoltAppInput {
  credentials: Credentials;
  transport: Transport;
  /** HTTP: the events endpoint and the install pages. Socket Mode: the install pages only (OAuth). */
  port: number;
  client: WebClientSettings;
  logger: Logger;
}

export function createBoltApp(input: BoltAppInput): App {
  const { credentials, transport, client } = input;
  const logger = boltLogger(input.logger, "bolt");
  const installer: NonNullable<AppOptions["installerOptions"]> = {
    // The Socket Mode client opens its connection with these; see socketModeClientOptions for why they differ.
    ...(transport.kind === "socket"
      ? { clientOptions: socketModeClientOptions(client), port: input.port }
      : // Bolt hands the install flow its own client options; with our receiver, we do.
        { clientOptions: clientOptions(client) }),
    // /slack/install sends people straight to Slack's consent page; there is nothing to show first.
    ...(credentials.kind === "oauth" ? { directInstall: true } : {}),
    ...(credentials.kind === "oauth" && client.apiUrl
      ? { authorizationUrl: authorizationUrl(client.apiUrl) }
      : {}),
  };
  const token: AppOptions =
    credentials.kind === "token"
      ? {
          token: credentials.botToken,
          botId: credentials.botId,
          botUserId: credentials.botUserId,
          // The adapter has called auth.test itself before this, where a bad token fails start-up cleanly.
          tokenVerificationEnabled: false,
        }
      : {};
  // The install flow lives in the receiver; Bolt takes the workspaces' tokens from its installer.
  const oauth =
    credentials.kind === "oauth"
      ? {
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          stateSecret: credentials.stateSecret,
          installationStore: credentials.installationStore,
          scopes: [...BOT_SCOPES],
        }
      : {};
  const receiver: AppOptions =
    transport.kind === "socket"
      ? { ...oauth, appToken: transport.appToken, socketMode: true, installerOptions: installer }
      : {
          // Our own HTTPReceiver, for the half of the timestamp check Bolt's lacks (see http-receiver.ts).
          receiver: createHttpReceiver({
            ...oauth,
            signingSecret: transport.signingSecret,
            installerOptions: installer,
            logger,
          }),
        };
  return new App({ ...token, ...receiver, clientOptions: clientOptions(client), logger });
}
