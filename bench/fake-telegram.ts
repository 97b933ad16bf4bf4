/**
 * Telegram's fake, in the fakes' process: the fake Bot API with its global cap (30/s, a burst of one
 * second's worth) scaled. Each subscription is its own supergroup, which on Telegram is also its community;
 * one post per chat stays far inside the per-chat (1/s) and per-group (20/min) caps, which are left at
 * Telegram's values. With commands asked for, groups of their own send them (command-timing.ts); their
 * answers count against the same global cap, and never among the subscribed chats' posts.
 */
import { decodeChannel, encodeChannel, encodeCommunity } from "../platforms/telegram/ids.ts";
import { createFakeTelegram } from "../tests/fakes/telegram/index.ts";
import { commandTiming } from "./command-timing.ts";
import { countsByRef, type FakeInput, type PlatformFake } from "./fanout-rig.ts";

const TELEGRAM_GLOBAL_PER_SECOND = 30;
/** Supergroup ids look like -100xxxxxxxxxx. */
const FIRST_CHAT = -1_001_000_000_000;
/** The commands' groups and members, far from the subscribed ones. */
const FIRST_COMMAND_CHAT = -1_002_000_000_000;
const FIRST_COMMAND_USER = 5_000;

export async function telegramFake(input: FakeInput): Promise<PlatformFake> {
  const cap = TELEGRAM_GLOBAL_PER_SECOND * input.scale;
  const fake = await createFakeTelegram({ caps: { global: { burst: cap, perSecond: cap } } });
  const targets = Array.from({ length: input.count }, (_, i) => {
    const id = FIRST_CHAT - i;
    fake.addChat({ id, type: "supergroup", title: `Bench group ${i}` });
    return { channel: encodeChannel(id), community: encodeCommunity(id) };
  });
  const commands =
    input.commandChats > 0
      ? commandTiming(fake, input.commandChats, FIRST_COMMAND_CHAT, FIRST_COMMAND_USER)
      : undefined;
  return {
    ...(commands ? { commands } : {}),
    world: {
      platform: "telegram",
      capPerSecond: cap,
      capSource: `Telegram's ~30 messages/s broadcast cap × ${input.scale}`,
      targets,
      token: fake.token,
      apiRoot: fake.apiRoot,
    },
    counts() {
      const stats = fake.stats();
      return {
        perChannel: countsByRef(
          targets,
          (t) => decodeChannel(t.channel),
          (id) => stats.messagesByChat.get(id as number),
        ),
        rateLimited: stats.rateLimited,
        detail: { fake429: stats.rateLimited },
      };
    },
    close: () => fake.close(),
  };
}
