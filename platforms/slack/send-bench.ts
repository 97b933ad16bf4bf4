/**
 * For the fan-out benchmark: one text post through the same Web API client and the same reading of
 * Slack's answers as scheduled posts, without the card rendering, so the numbers measure pacing and 429s.
 */
import type { SendResult } from "../../src/core/platform.ts";
import { classifySlackError } from "./send-errors.ts";
import { escapeMrkdwn } from "./text.ts";
import { createWebClient } from "./web-client.ts";

export interface SlackBenchSenderOptions {
  /** The Web API base, e.g. a local fake's `http://127.0.0.1:<port>/api/`. */
  apiUrl: string;
  /** A bot token the server accepts. */
  token: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

export function createSlackBenchSender(
  options: SlackBenchSenderOptions,
): (channelId: string, text: string) => Promise<SendResult> {
  const client = createWebClient({ apiUrl: options.apiUrl, timeoutMs: options.timeoutMs, logger: quiet });
  return async (channelId, text) => {
    try {
      const result = await client.chat.postMessage({
        token: options.token,
        channel: channelId,
        text: escapeMrkdwn(text),
      });
      return { kind: "sent", messageId: result.ts ?? "" };
    } catch (err) {
      return classifySlackError(err);
    }
  };
}
