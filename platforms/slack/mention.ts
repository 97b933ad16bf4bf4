/**
 * `@FreeToBeHome prisoner <name>` (or `today`, `share <name>`, `help`): a mention of the app, answered in the
 * thread it was written in, or under the mention itself when it was not in a thread. Slack's slash commands
 * carry no thread, so a mention is how a question asked inside a thread gets its answer there. Only the
 * commands anyone may run: the caller is never taken for a moderator here (dispatch refuses the rest, and
 * says so), so a subscription is never made from a thread. The answer is public, like the question, in the
 * member's Slack language where the bot speaks it.
 */
import type { App } from "@slack/bolt";
import { matchLanguage } from "../../src/core/i18n/languages.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { Reply } from "../../src/core/reply.ts";
import { type AnswerPace, beforeRequest, unpacedAnswers } from "../../src/core/request-pace.ts";
import { encodeChannelRef, encodeCommunityRef, isDirectMessage, isSlackId } from "./ids.ts";
import type { Moderators } from "./moderators.ts";
import { unescapeSlackText } from "./parse.ts";
import { renderReply } from "./render.ts";

export interface MentionDeps {
  dispatch: Dispatch;
  moderators: Pick<Moderators, "user">;
  logger: Logger;
  /** The answer's chat.postMessage counts with the posts' (1 a second a channel): paced with them, ahead. */
  answerPace?: AnswerPace;
}

/** `<@U…> prisoner Ilgar` → `{ command: "prisoner", text: "Ilgar" }`; mentions of anyone are dropped. */
export function parseMention(text: string): { command: string; text: string } | undefined {
  const words = unescapeSlackText(text)
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return undefined;
  return { command: first.replace(/^\//, "").toLowerCase(), text: rest.join(" ") };
}

export function registerMention(app: App, deps: MentionDeps): void {
  app.event("app_mention", async ({ event, context, body, client }) => {
    const teamId = context.teamId ?? body.team_id;
    const userId = event.user;
    if (!teamId || !isSlackId(userId) || !isSlackId(event.channel)) return;
    const channel = encodeChannelRef(teamId, event.channel);
    const asked = parseMention(event.text) ?? { command: "help", text: "" };
    const roles = await deps.moderators.user(teamId, userId).catch(() => undefined);
    const locale = matchLanguage(roles?.locale);
    const reply: Reply = await deps.dispatch({
      ...asked,
      platform: "slack",
      channel,
      community: encodeCommunityRef(teamId),
      ...(isDirectMessage(event.channel) ? { privateChat: true } : {}),
      ...(locale ? { locale } : {}),
      caller: { id: userId, isModerator: async () => false },
    });
    const threadTs = event.thread_ts ?? event.ts;
    const attempts = [
      renderReply(reply),
      ...(reply.kind === "card" ? [renderReply(reply, { photo: false })] : []),
    ];
    const pace = deps.answerPace ?? unpacedAnswers;
    await pace(channel, async () => {
      for (const [index, message] of attempts.entries()) {
        try {
          await beforeRequest();
          await client.chat.postMessage({
            channel: event.channel,
            thread_ts: threadTs,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
          return;
        } catch (err) {
          const last = index === attempts.length - 1;
          deps.logger[last ? "warn" : "info"](
            { err, channel: event.channel },
            "slack: could not answer a mention",
          );
        }
      }
    });
  });
}
