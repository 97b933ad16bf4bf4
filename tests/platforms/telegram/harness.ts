/**
 * Test doubles around the Telegram adapter: a recording logger, sample cards, a small command registry and
 * a Dispatch that looks names up in an in-test map (the real commands are written elsewhere), so a lookup
 * can fail and a moderator-only command really asks `caller.isModerator()`.
 */
import { z } from "zod";
import type { AnyCommand, CommandInvocation } from "../../../src/core/command.ts";
import type { Dispatch } from "../../../src/core/platform.ts";
import type { Logger } from "../../../src/core/ports/logger.ts";
import { type Card, type ShareKit, reply } from "../../../src/core/reply.ts";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  fields: object;
  message?: string;
}

export function recordingLogger(
  entries: LogEntry[] = [],
  bindings: object = {},
): Logger & { entries: LogEntry[] } {
  const at = (level: LogEntry["level"]) => (fields: object, message?: string) =>
    void entries.push({ level, fields: { ...bindings, ...fields }, message });
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}

export function sampleCard(overrides: Partial<Card> = {}): Card {
  return {
    profileId: "aynur-mammadova",
    title: "Aynur Məmmədova",
    subtitle: "Azerbaijan · Айнур Мамедова · Aynur Mamedova",
    summary: "A journalist at an independent outlet, detained after reporting on a construction contract.",
    fields: [
      { label: "Status", value: "In pre-trial detention" },
      { label: "Detained since", value: "20 November 2023" },
      { label: "Charges as reported", value: "Smuggling (Criminal Code art. 206.3.2)" },
    ],
    familyStory: "Her mother visits every Saturday. Her son, 9, asks when she will be home for his birthday.",
    quote: { text: "Ana, mən səni gözləyirəm.", attribution: "her son", isTranslation: false },
    sources: [
      {
        title: "Journalists detained in Baku",
        publisher: "Example News",
        url: "https://news.example.org/a?x=1&y=2",
      },
    ],
    statusAsOf: "Status as of 1 March 2024",
    hashtag: "#FreeToBeHome",
    campaign: { id: "ftbh", name: "Free to Be Home", url: "https://freetobehome.example.org" },
    ...overrides,
  };
}

export function sampleShare(card: Card): ShareKit {
  const url = `https://freetobehome.example.org/p/${card.profileId}`;
  const text = `${card.title} should be home with her family. ${card.hashtag}`;
  // Like the real share builder must: encodeURIComponent throws on a lone surrogate.
  const e = (v: string) =>
    encodeURIComponent(
      v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
    );
  return {
    profileId: card.profileId,
    text,
    url,
    hashtag: card.hashtag,
    links: [
      { network: "x", label: "Post on X", url: `https://x.com/intent/post?text=${e(text)}&url=${e(url)}` },
      {
        network: "facebook",
        label: "Facebook",
        url: `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
      },
      { network: "telegram", label: "Telegram", url: `https://t.me/share/url?url=${e(url)}&text=${e(text)}` },
      { network: "email", label: "E-mail", url: `mailto:?subject=${e(card.title)}&body=${e(text)}` },
    ],
  };
}

const fold = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ə/gi, "a").toLowerCase().trim();

const command = (name: string, moderatorOnly: boolean): AnyCommand => ({
  name,
  description: `${name} (test)`,
  usage: `/${name}`,
  moderatorOnly,
  options: [],
  parseText: (text) => ({ text }),
  args: z.object({ text: z.string().optional() }),
  run: async () => reply.info(name),
});

export const testCommands: AnyCommand[] = [
  command("prisoner", false),
  command("help", false),
  command("schedule", true),
];

/** A Dispatch over a map of cards: `/prisoner` finds one, offers choices for several, or says none. */
export function testDispatch(cards: Card[]) {
  const invocations: CommandInvocation[] = [];
  const dispatch: Dispatch = async (inv) => {
    invocations.push(inv);
    const query = fold(inv.text ?? "");
    if (inv.command === "schedule") {
      return (await inv.caller.isModerator())
        ? reply.success(`Scheduled ${inv.text}`)
        : reply.error("Only moderators can schedule a spotlight here.");
    }
    if (inv.command === "help") return reply.info("I share the stories of political prisoners' families.");
    if (inv.command !== "prisoner") return reply.error(`Unknown command /${inv.command}`);
    const exact = cards.find((c) => c.profileId === inv.text);
    const found = exact ? [exact] : cards.filter((c) => fold(c.title).includes(query) && query !== "");
    const [only] = found;
    if (found.length === 1 && only)
      return { kind: "card", card: only, share: sampleShare(only), visibility: "public" };
    if (found.length > 1) {
      const choices = found.map((c) => ({
        label: c.title,
        detail: c.subtitle,
        command: "prisoner",
        args: c.profileId,
      }));
      return { kind: "choices", prompt: "Which one did you mean?", choices, visibility: "private" };
    }
    return reply.error(`No prisoner named “${inv.text}”.`);
  };
  const harness = {
    dispatch,
    invocations,
    /** Replaceable per test; honours `limit` like a well-behaved search would. */
    search: async (query: string, limit: number, _locale?: string) =>
      cards
        .filter((c) => fold(c.title).includes(fold(query)))
        .slice(0, limit)
        .map((card) => ({ card, share: sampleShare(card) })),
    inlineResults: (query: string, limit: number, locale?: string) => harness.search(query, limit, locale),
  };
  return harness;
}
