/**
 * One fake Discord with a server, and the real adapter (real discord.js) connected to it, for the
 * end-to-end suites.
 */
import type { APIEmbed } from "discord.js";
import {
  createDiscordAdapter,
  type DiscordAdapterOptions,
  type DiscordTuning,
} from "../../../platforms/discord/index.ts";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/index.ts";
import type { FakeOptions } from "../../fakes/discord/state.ts";
import { createCatalogue, memoryLogger, testCommands } from "./fixtures.ts";

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** What the adapter is wired to; by default the in-test catalogue of fixtures.ts. */
export type HarnessBot = Pick<DiscordAdapterOptions, "dispatch" | "autocomplete" | "commands">;

export async function startHarness(
  options: { fake?: FakeOptions; tuning?: DiscordTuning; bot?: HarnessBot } = {},
) {
  const fake = await startFakeDiscord(options.fake);
  const guild = fake.addGuild("Free Them All");
  const general = fake.addChannel(guild, "general");
  const catalogue = createCatalogue();
  const logger = memoryLogger();
  const gone = { channels: [] as string[], communities: [] as string[] };
  const adapter = createDiscordAdapter({
    token: fake.token,
    apiUrl: fake.apiUrl,
    // Through the catalogue object, so a test can swap its behaviour after the adapter is built.
    dispatch: (invocation) => catalogue.dispatch(invocation),
    autocomplete: (query) => catalogue.autocomplete(query),
    commands: testCommands,
    ...options.bot,
    logger,
    onChannelGone: async (channel) => void gone.channels.push(channel),
    onCommunityGone: async (community) => void gone.communities.push(community),
    tuning: options.tuning,
  });
  await adapter.registerCommands();
  await adapter.start();
  return {
    fake,
    guild,
    general,
    catalogue,
    logger,
    gone,
    adapter,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/**
 * Every message body the bot sent (channel posts, interaction replies, edits, follow-ups), as Discord
 * received it, to check `allowed_mentions` on each.
 */
export function sentMessageBodies(fake: FakeDiscord): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  for (const request of fake.state.requests) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.route === "POST /interactions/:id/:token/callback") {
      if (body.type === 4 || body.type === 7) bodies.push(body.data as Record<string, unknown>);
    } else if (
      // Not the crosspost route under a message, which has no body.
      /^(POST \/channels\/:id\/messages$|POST \/webhooks\/:id\/:token|PATCH \/webhooks)/.test(request.route)
    ) {
      bodies.push(body);
    }
  }
  return bodies;
}

/** A message body as the bot sent it, typed loosely enough for assertions. */
export interface SentBody {
  content?: string;
  embeds: APIEmbed[];
  components: Array<{
    components: Array<{ style: number; url?: string; custom_id?: string; label?: string }>;
  }>;
  flags?: number;
  nonce?: string;
  enforce_nonce?: boolean;
  allowed_mentions?: unknown;
}

/** The message of an interaction's n-th callback (`data`), or a request body, as a SentBody. */
export function asSent(value: unknown): SentBody {
  const record = (value ?? {}) as { data?: unknown };
  return ("data" in record ? record.data : record) as SentBody;
}
