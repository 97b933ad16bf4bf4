/**
 * The fakes' process (started by fanout-fakes.ts): runs the platforms' fakes, and Slack's gate, on their
 * own event loop, so a stall in the bot's process (the database, the delivery pass) delays only our
 * requests, never the fakes' clocks, and the bot's memory is measured without them. Sets up each
 * platform's world and sends it back, then answers "stats", the commands' start and stop, and "close".
 */
import type { CommandTimes } from "./command-timing.ts";
import { queueSteadily } from "./command-timing.ts";
import type { FanoutPlatform } from "./fanout-args.ts";
import type { FakesData, FakesReply, FakesRequest } from "./fanout-fakes.ts";
import type { FakeCounts, FakeInput, PlatformFake } from "./fanout-rig.ts";
import { discordFake } from "./fake-discord.ts";
import { slackFake } from "./fake-slack.ts";
import { telegramFake } from "./fake-telegram.ts";

const FAKES: Record<FanoutPlatform, (input: FakeInput) => Promise<PlatformFake>> = {
  telegram: telegramFake,
  slack: slackFake,
  discord: discordFake,
};

const send = process.send?.bind(process);
if (!send) throw new Error("fanout-fakes-child.ts runs as a child process (see fanout-fakes.ts)");
/** Resolves once the message has gone, so the channel can be closed after the last one. */
const reply = (message: FakesReply) =>
  new Promise<void>((resolve) => send(message, undefined, undefined, () => resolve()));
const failure = (err: unknown): FakesReply => ({
  type: "failed",
  message: err instanceof Error ? err.message : String(err),
});

const data = JSON.parse(process.argv[2] ?? "{}") as FakesData;
const fakes: PlatformFake[] = [];
/** The commands being queued: stopped by "commands-stop", which then waits for their answers. */
let commands: { stop: boolean; queued: Promise<number> } | undefined;

async function closeAll(): Promise<void> {
  for (const fake of fakes.splice(0)) await fake.close();
}

const timing = () => {
  const found = fakes.find((f) => f.commands)?.commands;
  if (!found) throw new Error("commands need the Telegram fake with command groups (commandChats > 0)");
  return found;
};

async function answer(request: FakesRequest): Promise<FakesReply> {
  switch (request.type) {
    case "stats": {
      const counts: Partial<Record<FanoutPlatform, FakeCounts>> = {};
      for (const fake of fakes) counts[fake.world.platform] = fake.counts();
      const maxRssMb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
      return { type: "stats", counts, memory: { maxRssMb } };
    }
    case "commands-start": {
      const t = timing();
      const state = { stop: false, queued: Promise.resolve(0) };
      state.queued = queueSteadily({
        count: request.limit ?? Number.POSITIVE_INFINITY,
        perSecond: request.perSecond,
        queue: (i) => t.queue(request.texts[i % request.texts.length]!),
        stopped: () => state.stop,
      });
      commands = state;
      return { type: "commands-started" };
    }
    case "commands-stop": {
      if (!commands) throw new Error("commands-stop before commands-start");
      commands.stop = true;
      const queued = await commands.queued;
      commands = undefined;
      const times: CommandTimes = await timing().settle(request.timeoutMs);
      return { type: "commands", times, queued };
    }
    case "close":
      await closeAll();
      return { type: "closed" };
  }
}

process.on("message", (request: FakesRequest) => {
  void answer(request)
    .then(reply, (err: unknown) => reply(failure(err)))
    .then(() => {
      if (request.type === "close") process.disconnect();
    });
});
// The benchmark went away without closing: nothing is left to answer.
process.on("disconnect", () => {
  void closeAll().finally(() => process.exit(0));
});

try {
  for (const [platform, count] of data.plan)
    fakes.push(
      await FAKES[platform]({
        count,
        scale: data.scale,
        commandChats: platform === "telegram" ? data.commandChats : 0,
      }),
    );
  await reply({ type: "ready", worlds: fakes.map((f) => f.world) });
} catch (err) {
  await closeAll().catch(() => {});
  await reply(failure(err));
}
