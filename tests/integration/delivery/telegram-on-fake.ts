/**
 * The real Telegram adapter (telegraf) on the local fake, for delivery tests: it posts, deletes and edits,
 * and answers no command (a delivery test sends none).
 */
import { createTelegramAdapter } from "../../../platforms/telegram/index.ts";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import type { FakeTelegram } from "../../fakes/telegram/index.ts";

export function deliveryAdapterOn(fake: FakeTelegram): PlatformAdapter {
  return createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    dispatch: async () => {
      throw new Error("no commands in a delivery test");
    },
    inlineResults: async () => [],
    commands: [],
    logger: createMemoryLogger(),
  });
}
