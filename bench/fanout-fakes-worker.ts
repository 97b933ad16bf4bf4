/**
 * The fakes' worker thread (started by fanout-fakes.ts): runs the platforms' fakes, and Slack's gate, on
 * their own event loop, so a stall on the main thread (the database, the delivery pass) delays only our
 * requests, never the fakes' clocks. Sets up each platform's world, sends it back, then answers "stats" and
 * "close".
 */
import { parentPort, workerData } from "node:worker_threads";
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

const port = parentPort;
if (!port) throw new Error("fanout-fakes-worker.ts runs as a worker thread (see fanout-fakes.ts)");
const reply = (message: FakesReply) => port.postMessage(message);
const failure = (err: unknown): FakesReply => ({
  type: "failed",
  message: err instanceof Error ? err.message : String(err),
});

const data = workerData as FakesData;
const fakes: PlatformFake[] = [];

async function closeAll(): Promise<void> {
  for (const fake of fakes.splice(0)) await fake.close();
}

async function answer(request: FakesRequest): Promise<FakesReply> {
  if (request.type === "stats") {
    const counts: Partial<Record<FanoutPlatform, FakeCounts>> = {};
    for (const fake of fakes) counts[fake.world.platform] = fake.counts();
    return { type: "stats", counts };
  }
  await closeAll();
  return { type: "closed" };
}

port.on("message", (request: FakesRequest) => {
  answer(request)
    .then(reply, (err: unknown) => reply(failure(err)))
    .finally(() => {
      if (request.type === "close") port.close();
    });
});

try {
  for (const [platform, count] of data.plan) fakes.push(await FAKES[platform]({ count, scale: data.scale }));
  reply({ type: "ready", worlds: fakes.map((f) => f.world) });
} catch (err) {
  await closeAll().catch(() => {});
  reply(failure(err));
}
