/**
 * A platform adapter whose every request goes through the platform's pacer: each post, each retraction
 * (delete or edit), each update edit and announcement, each notice in a channel and each private notice (as
 * a chat of its own, `dm:<user>`, so one moderator's notices keep the per-chat pace) waits for the pacer,
 * and so does each further request such a call makes (core/request-pace.ts): Discord's crosspost after
 * its post, the private chat opened before a notice is sent in it, a library's retry. Each counts against the caps until its
 * answer. Pacing around the call itself, rather than before it, is what lets the pacer count a request for
 * as long as it may still reach the platform (pacer.ts). A command's answer is paced the same way, by the
 * same pacer, ahead of the posts (`answerPace`).
 */
import type { PlatformAdapter } from "../core/platform.ts";
import { type AnswerPace, unpacedAnswers, withRequestPace } from "../core/request-pace.ts";
import type { Answered, Pacer } from "./pacer.ts";

/**
 * Longest an answer's request waits for its place; it then fails as a refused send would. Beyond it the
 * person has moved on, and a Telegram bot that long-polls handles no other update while one waits (telegraf
 * awaits a whole batch). With answers served first, only a chat's own cap holds one that long (Telegram's
 * 20 a minute in a group), where Telegram would have refused it with a longer retry_after anyway.
 */
export const ANSWER_WAIT_MS = 5_000;

/**
 * One operation: each request's place taken when the adapter is about to send it (`beforeRequest`), after
 * giving back the one before, whose answer it has. A post takes its first place before the call instead (it
 * always sends); an answer when it first sends, since it may send nothing the platform counts. At most one
 * place is held at a time, so operations waiting for their next request never hold the places they wait for.
 */
async function paced<T>(
  pacer: Pacer,
  channel: string,
  request: () => Promise<T>,
  kind: "post" | "answer" = "post",
): Promise<T> {
  const answer = kind === "answer";
  let answered: Answered | undefined = answer ? undefined : await pacer.acquire(channel);
  let requests = 0;
  let over = false;
  const pace = {
    async before(to?: string) {
      requests += 1;
      if (!answer && requests === 1) return;
      answered?.();
      answered = undefined;
      const granted = await pacer.acquire(to ?? channel, {
        answer,
        continuing: requests > 1,
        ...(answer ? { signal: AbortSignal.timeout(ANSWER_WAIT_MS) } : {}),
      });
      // An adapter that did not wait for its next request (a bug) must not keep a place for ever.
      if (over) granted();
      else answered = granted;
    },
  };
  try {
    return await withRequestPace(pace, request);
  } finally {
    over = true;
    answered?.();
  }
}

/**
 * The pace of a platform's command answers: in the same pacer as its posts, ahead of them (pacer.ts,
 * `Urgency`), within the chat's own caps. No pacer (the console, tests): answers go at once.
 */
export function answerPace(pacer: Pacer | undefined): AnswerPace {
  if (!pacer) return unpacedAnswers;
  return (channel, answer) => paced(pacer, channel, answer, "answer");
}

export function pacedAdapter(adapter: PlatformAdapter, pacer: Pacer | undefined): PlatformAdapter {
  if (!pacer) return adapter;
  const { notifyModerator, notifyModerators, retract, edit, announce } = adapter;
  return {
    platform: adapter.platform,
    afterUncertainSend: adapter.afterUncertainSend,
    ...(adapter.resendWithinMs === undefined ? {} : { resendWithinMs: adapter.resendWithinMs }),
    ...(adapter.deleteWithinMs === undefined ? {} : { deleteWithinMs: adapter.deleteWithinMs }),
    start: () => adapter.start(),
    stop: () => adapter.stop(),
    send: (channel, post) => paced(pacer, channel, () => adapter.send(channel, post)),
    ...(retract
      ? {
          retract: (channel, ref, mode, text) =>
            paced(pacer, channel, () => retract.call(adapter, channel, ref, mode, text)),
        }
      : {}),
    ...(edit
      ? { edit: (channel, ref, post) => paced(pacer, channel, () => edit.call(adapter, channel, ref, post)) }
      : {}),
    ...(announce
      ? { announce: (channel, item) => paced(pacer, channel, () => announce.call(adapter, channel, item)) }
      : {}),
    ...(notifyModerators
      ? {
          notifyModerators: (channel, text, language, options) =>
            paced(pacer, channel, () => notifyModerators.call(adapter, channel, text, language, options)),
        }
      : {}),
    ...(notifyModerator
      ? {
          notifyModerator: (notice) =>
            paced(pacer, `dm:${notice.userId}`, () => notifyModerator.call(adapter, notice)),
        }
      : {}),
  };
}
