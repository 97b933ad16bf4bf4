/**
 * Scheduled posts in the console chat: while the chat is open, a subscribed console channel's daily family
 * (or spotlight) is printed like any other reply, so `/subscribe` can be tried locally end to end.
 */
import type { Writable } from "node:stream";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import { renderReply } from "./render.ts";

export function createConsoleAdapter(output: Writable): PlatformAdapter {
  let posted = 0;
  return {
    platform: "console",
    afterUncertainSend: "resend", // a local write cannot half-happen
    async start() {},
    async stop() {},
    async send(channel, post) {
      const reply = {
        kind: "card",
        intro: post.intro,
        card: post.card,
        share: post.share,
        visibility: "public",
      } as const;
      const text = renderReply(reply);
      output.write(`\n[${channel}, scheduled post]\n${text}\n`);
      posted++;
      return { kind: "sent", messageId: `console-${posted}` };
    },
    async notifyModerators(channel, text) {
      output.write(`\n[${channel}, notice] ${text}\n`);
    },
  };
}
