/**
 * Bolt's HTTP receiver with the whole of Slack's replay check. Slack's signing guide refuses a request
 * whose X-Slack-Request-Timestamp is more than five minutes from now in either direction; Bolt refuses only
 * the old ones, so a signed request stamped in the future could be replayed until its stamp came due. The
 * check runs before Bolt reads the body, inside the one server Bolt starts, so its routes (the events
 * endpoint, the OAuth install and redirect pages) and its start and stop are unchanged.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPReceiver, type HTTPReceiverOptions, type Logger as SlackLogger } from "@slack/bolt";

/** Where Slack sends slash commands, interactions and events (Bolt's default, named so both agree). */
export const EVENTS_PATH = "/slack/events";

/** Slack's window: "more than five minutes from local time", either side. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Whether a request's timestamp header is a whole number of Unix seconds within five minutes of `nowMs`.
 * Anything else (missing, repeated, not a number) is refused: Slack always sends exactly one.
 */
export function isFreshTimestamp(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(header)) <= MAX_SKEW_SECONDS;
}

const isEventsPost = (req: IncomingMessage): boolean =>
  req.method?.toUpperCase() === "POST" &&
  new URL(req.url ?? "/", "http://localhost").pathname === EVENTS_PATH;

function refuse(req: IncomingMessage, res: ServerResponse): void {
  // Read and drop the body, so the connection stays usable for the next request.
  req.resume();
  res.writeHead(401).end();
}

/**
 * An HTTPReceiver whose events endpoint first refuses requests stamped too far from now. Bolt's own
 * checks (signature, body, and again the past half of the window) run after, unchanged.
 */
export function createHttpReceiver(
  options: Omit<HTTPReceiverOptions, "endpoints" | "logger"> & { logger: SlackLogger },
  now: () => number = Date.now,
): HTTPReceiver {
  const receiver = new HTTPReceiver({ ...options, endpoints: [EVENTS_PATH] });
  const handle = receiver.requestListener;
  // Bolt's server calls this property for every request, so wrapping it puts the check in front of all
  // of Bolt's routing while Bolt keeps starting, stopping and error-handling its one server.
  receiver.requestListener = (req, res) => {
    if (isEventsPost(req) && !isFreshTimestamp(req.headers["x-slack-request-timestamp"], now())) {
      // The header is the sender's text: only a short, quoted piece of it reaches the log.
      const stamp = JSON.stringify(String(req.headers["x-slack-request-timestamp"] ?? "").slice(0, 20));
      options.logger.warn(
        `Refused a request to ${EVENTS_PATH}: x-slack-request-timestamp ${stamp} is missing, malformed or more than 5 minutes from now`,
      );
      return refuse(req, res);
    }
    return handle(req, res);
  };
  return receiver;
}
