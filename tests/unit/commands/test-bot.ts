/**
 * The real commands, dispatcher and services over in-memory repositories loaded with the shipped sample
 * campaign, with a clock the test sets and a way to speak as a member or a moderator in any channel.
 */
import { fileURLToPath } from "node:url";
import { commands } from "../../../commands/index.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { type Platform, channelRef, communityRef } from "../../../src/core/channel.ts";
import type { AnyLanguageTag } from "../../../src/core/i18n/languages.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { createDispatcher } from "../../../src/dispatch.ts";
import { createBotServices } from "../../../src/services/create-services.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));

/** `language`: the bot's DEFAULT_LANGUAGE (any tag, the pseudo-language too); absent: English. */
export async function createTestBot(
  start = new Date("2026-11-24T12:00:00Z"),
  options: { language?: AnyLanguageTag } = {},
) {
  const repositories = createMemoryRepositories();
  const read = await readImportFiles([SAMPLE]);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  await repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  let now = start;
  const clock = { now: () => now };
  const services = createBotServices(repositories, {
    clock,
    defaults: {
      postTime: "09:00",
      timezone: "UTC",
      ...(options.language ? { language: options.language } : {}),
    },
    staleAfterDays: 90,
  });
  const logger = createMemoryLogger();
  const dispatch = createDispatcher({ commands, services, logger });

  /** Sends `/command text` as a member (or a moderator) of a channel; answers with the reply. */
  async function say(
    line: string,
    as: {
      moderator?: boolean;
      /** Set to answer isCommunityModerator (Discord's Manage Server); absent: the adapter has no such check. */
      communityModerator?: boolean;
      channel?: string;
      community?: string;
      user?: string;
      /** Arguments already split, as Discord sends them (`line` is then only the command). */
      options?: Record<string, string>;
      /** Sent in a one-to-one chat with the bot, as a platform's parse marks it. */
      privateChat?: boolean;
      /** The member's locale as the platform reports it (Discord's "es-ES", Telegram's "fa"). */
      locale?: string;
      /** The platform the command came from (its channel should be that platform's); absent: the console. */
      platform?: Platform;
      /** The topic it was typed in (a Telegram forum topic), as the platform's parse sets it. */
      thread?: string;
    } = {},
  ): Promise<Reply> {
    const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (!match) throw new Error(`not a command: ${line}`);
    let asked = 0;
    const reply = await dispatch({
      command: match[1]!,
      ...(as.options ? { options: as.options } : { text: match[2]! }),
      platform: as.platform ?? "console",
      channel: channelRef(as.channel ?? "console:room-a"),
      ...(as.thread ? { thread: as.thread } : {}),
      community: communityRef(as.community ?? "console:community"),
      ...(as.privateChat ? { privateChat: true } : {}),
      ...(as.locale ? { locale: as.locale } : {}),
      caller: {
        id: as.user ?? "user-1",
        isModerator: async () => {
          asked++;
          return as.moderator ?? false;
        },
        ...(as.communityModerator === undefined
          ? {}
          : { isCommunityModerator: async () => as.communityModerator ?? false }),
      },
    });
    moderatorChecks += asked;
    return reply;
  }
  let moderatorChecks = 0;

  return {
    say,
    /** The dispatcher itself, for invocations a platform's parser built. */
    dispatch,
    repositories,
    services,
    logger,
    setNow: (instant: Date) => {
      now = instant;
    },
    moderatorChecks: () => moderatorChecks,
  };
}

export type TestBot = Awaited<ReturnType<typeof createTestBot>>;

export function textOf(reply: Reply): string {
  if (reply.kind === "text") return reply.text;
  if (reply.kind === "choices")
    return [
      reply.prompt,
      ...reply.choices.map((c) => `${c.label} | ${c.detail} | /${c.command} ${c.args}`),
    ].join("\n");
  return reply.card.title;
}
