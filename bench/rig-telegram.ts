/**
 * Telegram: the bot's own adapter (telegraf), as the app builds it, pointed at the fake Bot API
 * (fake-telegram.ts, in the fakes' process) through TELEGRAM_API_ROOT. Its `send` needs no start(); with
 * `--commands` it is started, long-polling the fake, and its dispatch (the app's) answers them.
 */
import { createPlatformAdapters } from "../src/app-platforms.ts";
import type { FakeWorld, Rig, RigInput } from "./fanout-rig.ts";

export async function telegramRig(
  world: Extract<FakeWorld, { platform: "telegram" }>,
  input: RigInput,
): Promise<Rig> {
  // The app's configuration names Telegram alone (fanout.ts), so that is the one adapter built.
  const adapter = (await createPlatformAdapters(input.app)).find((a) => a.platform === "telegram");
  if (!adapter) throw new Error("the app built no Telegram adapter: TELEGRAM_BOT_TOKEN is not configured");
  if (input.commands) await adapter.start();
  const { capPerSecond, capSource, targets } = world;
  return { platform: "telegram", capPerSecond, capSource, targets, adapter, close: () => adapter.stop() };
}
