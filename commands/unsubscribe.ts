/** /unsubscribe: stop the daily post in this channel. */
import { actorOf } from "../src/core/actor.ts";
import { defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";

export const unsubscribe = defineCommand({
  name: "unsubscribe",
  description: "Stop the daily featured family here (moderators)",
  usage: "/unsubscribe",
  moderatorOnly: true,
  ...NO_ARGUMENTS,
  async run({ services, invocation, tr }) {
    const stopped = await services.subscriptions.stop(invocation.channel, actorOf(invocation));
    const chat = invocation.privateChat;
    return stopped
      ? reply.success(tr.t(chat ? "subscribe.stoppedChat" : "subscribe.stoppedChannel"))
      : reply.info(tr.t(chat ? "subscribe.nothingToStopChat" : "subscribe.nothingToStopChannel"));
  },
});
