/** /unsubscribe: stop the daily post in this channel. */
import { actorOf } from "../src/core/actor.ts";
import { defineCommand, NO_ARGUMENTS } from "../src/core/command.ts";
import { thisPlace } from "../src/core/place.ts";
import { reply } from "../src/core/reply.ts";

export const unsubscribe = defineCommand({
  name: "unsubscribe",
  description: "Stop the daily featured family here (moderators)",
  usage: "/unsubscribe",
  moderatorOnly: true,
  ...NO_ARGUMENTS,
  async run({ services, invocation }) {
    const stopped = await services.subscriptions.stop(invocation.channel, actorOf(invocation));
    const place = thisPlace(invocation);
    return stopped
      ? reply.success(`Stopped: no more daily posts in ${place}. /subscribe starts them again.`)
      : reply.info(`There is no daily post to stop in ${place}.`);
  },
});
