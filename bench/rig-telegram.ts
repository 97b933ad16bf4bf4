/**
 * Telegram: the real adapter (telegraf) pointed at the fake Bot API (fake-telegram.ts, on the fakes'
 * worker thread). Its `send` needs no start().
 */
import { createTelegramAdapter } from "../platforms/telegram/index.ts";
import { type FakeWorld, noDispatch, type Rig, type RigInput } from "./fanout-rig.ts";

export function telegramRig(world: Extract<FakeWorld, { platform: "telegram" }>, input: RigInput): Rig {
  const adapter = createTelegramAdapter({
    token: world.token,
    apiRoot: world.apiRoot,
    dispatch: noDispatch,
    inlineResults: async () => [],
    commands: [],
    logger: input.logger,
  });
  const { capPerSecond, capSource, targets } = world;
  return { platform: "telegram", capPerSecond, capSource, targets, adapter, close: async () => {} };
}
