/**
 * Scheduled posts in the console chat: while the chat is open, a subscribed console channel's daily family
 * (or spotlight) is printed like any other reply, so `/subscribe` can be tried locally end to end. A write
 * to the terminal cannot fail the way a platform can, so every post is `sent`; a terminal line cannot be
 * edited or deleted later, so no message reference is given (and no post is edited by a status update;
 * a release announcement is printed like a post).
 */
import type { Writable } from "node:stream";
import type { ChannelRef } from "../../src/core/channel.ts";
import type { OutboundPost, SendResult } from "../../src/core/platform.ts";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { Announcement } from "../../src/core/status-update.ts";
import { renderPost } from "./render.ts";

export interface ConsoleSender {
  send(channel: ChannelRef, post: OutboundPost): Promise<SendResult>;
  notifyModerators(channel: ChannelRef, text: string, language?: string): Promise<void>;
  announce(channel: ChannelRef, announcement: Announcement): Promise<SendResult>;
}

export function createConsoleSender(output: Writable): ConsoleSender {
  let posted = 0;
  return {
    async send(channel, post) {
      const heading = translatorFor(post.language).t("render.consolePost", { channel });
      output.write(`\n${heading}\n${renderPost(post)}\n`);
      posted++;
      return { kind: "sent", messageId: `console-${posted}` };
    },
    /** A release announcement, printed like a post: the sentence and the source's link. */
    async announce(channel, { text, url, language }) {
      const heading = translatorFor(language).t("render.consolePost", { channel });
      output.write(`\n${heading}\n${text}\n${url}\n`);
      posted++;
      return { kind: "sent", messageId: `console-${posted}` };
    },
    async notifyModerators(channel, text, language) {
      output.write(`\n${translatorFor(language).t("render.consoleNotice", { channel, text })}\n`);
    },
  };
}
