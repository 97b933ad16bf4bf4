/**
 * A platform adapter whose outgoing requests go through the platform's pacer: each post, each retraction
 * (delete or edit), each update edit and announcement and each private notice (as a chat of its own, `dm:<user>`, so one moderator's notices
 * keep the per-chat pace), waits for
 * the pacer and counts against the caps until the adapter has the platform's answer. Pacing around the
 * call itself, rather than before it, is what lets the pacer count a request for as long as it may still
 * reach the platform (pacer.ts).
 */
import type { PlatformAdapter } from "../core/platform.ts";
import type { Pacer } from "./pacer.ts";

async function paced<T>(pacer: Pacer, channel: string, request: () => Promise<T>): Promise<T> {
  const answered = await pacer.acquire(channel);
  try {
    return await request();
  } finally {
    answered();
  }
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
    ...(notifyModerators ? { notifyModerators: notifyModerators.bind(adapter) } : {}),
    ...(notifyModerator
      ? {
          notifyModerator: (notice) =>
            paced(pacer, `dm:${notice.userId}`, () => notifyModerator.call(adapter, notice)),
        }
      : {}),
  };
}
