/** /unsubscribe: stop the daily post in this channel. */
import { z } from "zod";
import { actorOf } from "../src/core/actor.ts";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";

export const unsubscribe = defineCommand({
  name: "unsubscribe",
  description: "Stop the daily featured family in this channel (moderators)",
  usage: "/unsubscribe",
  moderatorOnly: true,
  options: [],
  parseText: () => ({}),
  args: z.object({}),
  async run({ services, invocation }) {
    const stopped = await services.subscriptions.stop(invocation.channel, actorOf(invocation));
    return stopped
      ? reply.success("Stopped: no more daily posts in this channel. /subscribe starts them again.")
      : reply.info("This channel has no daily post to stop.");
  },
});
