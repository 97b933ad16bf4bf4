/**
 * Test doubles for the Discord suites: the command definitions as the product spec lists them, a small
 * in-memory catalogue with realistic cards (2016 #FreeToBeHome facts), a Dispatch and autocomplete over it
 * that record what they were asked, and a logger that keeps its lines.
 */
import { z } from "zod";
import type { AutocompleteChoice } from "../../../platforms/discord/index.ts";
import type { AnyCommand, CommandInvocation, CommandOption } from "../../../src/core/command.ts";
import type { Logger } from "../../../src/core/ports/logger.ts";
import { type Card, type Reply, reply, type ShareKit } from "../../../src/core/reply.ts";

const opt = (name: string, description: string, required: boolean, profile = false): CommandOption => ({
  name,
  description,
  required,
  ...(profile ? { autocomplete: "profile" as const } : {}),
});

function command(name: string, description: string, moderatorOnly: boolean, extra: Partial<AnyCommand> = {}) {
  return {
    name,
    description,
    usage: `/${name}`,
    moderatorOnly,
    options: [],
    parseText: (text: string) => ({ text }),
    args: z.object({}).passthrough(),
    run: async () => reply.info("unused: the tests dispatch themselves"),
    ...extra,
  } satisfies AnyCommand;
}

export const testCommands: AnyCommand[] = [
  command("prisoner", "Look up a prisoner and their family by name", false, {
    options: [opt("name", "Any name or spelling, e.g. Mammadov", true, true)],
  }),
  command("today", "Today's featured family for this channel", false),
  command("share", "A share kit for a family (private)", false, {
    options: [opt("name", "A prisoner's name (default: today's)", false, true)],
  }),
  command("subscribe", "Post the daily family in this channel", true, {
    options: [opt("timezone", "IANA time zone", false), opt("time", "Local time, HH:MM", true)],
  }),
  command("unsubscribe", "Stop the daily post here", true),
  command("schedule", "Spotlight a family here on a date", true, {
    options: [opt("name", "Name", true, true), opt("date", "YYYY-MM-DD", true)],
    subcommands: [
      {
        name: "add",
        description: "Spotlight a family on a date",
        options: [
          opt("name", "Name", true, true),
          opt("date", "YYYY-MM-DD", true),
          opt("time", "HH:MM", false),
        ],
      },
      { name: "list", description: "Upcoming spotlights here", options: [] },
      {
        name: "cancel",
        description: "Cancel a spotlight",
        options: [opt("id", "The spotlight's number", true)],
      },
    ],
  }),
  command("help", "What this bot does and its commands", false),
];

const campaign = {
  id: "free-to-be-home-2016",
  name: "#FreeToBeHome (2016)",
  url: "https://medium.com/foggy-bottom/launch-of-freetobehome-political-prisoner-campaign-e25e8e72d541",
};

export function ilgarCard(overrides: Partial<Card> = {}): Card {
  return {
    profileId: "ilgar-mammadov",
    title: "Ilgar Mammadov",
    subtitle: "Azerbaijan · İlqar Məmmədov",
    notice: "Profiled in December 2016; the status below is as of its latest source.",
    summary:
      "Chairman of the REAL movement, arrested on 4 February 2013 after unrest in Ismayilli and sentenced to 7 years. Released on 13 August 2018; acquitted by the Supreme Court on 23 April 2020.",
    fields: [
      { label: "Status", value: "Released (acquitted 23 April 2020)" },
      { label: "Detained since", value: "4 February 2013" },
      { label: "Charges as reported", value: "Organising mass riots (as later recast)" },
    ],
    quote: {
      text: "It doesn't matter how hard it is, he's my beloved person, my husband, my friend, my confidant and the father of [our] daughter, I will always be next to him.",
      attribution: "Vafa Mammadova, his wife",
      isTranslation: false,
    },
    sources: [
      {
        title: "Shaki Appeal Court does not release Ilgar Mammadov",
        publisher: "IRFS",
        url: "https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/",
      },
      {
        title: "#FreeToBeHome: Giving Voice in Support of Political Prisoners",
        publisher: "U.S. Department of State",
        url: "http://2007-2017-blogs.state.gov/stories/2016/12/13/freetobehome-giving-voice-support-political-prisoners.html",
      },
    ],
    statusAsOf: "Status as of 23 April 2020",
    hashtag: "#FreeToBeHome",
    campaign,
    ...overrides,
  };
}

export function shareKit(card: Card): ShareKit {
  const url = "https://share.america.gov/imprisoned-for-what-they-believe/";
  const text = `${card.title} was one of ten people profiled by the #FreeToBeHome campaign in December 2016. ${url}`;
  const enc = encodeURIComponent(text);
  return {
    profileId: card.profileId,
    text,
    url,
    hashtag: "#FreeToBeHome",
    links: [
      { network: "x", label: "Post on X", url: `https://x.com/intent/post?text=${enc}` },
      {
        network: "facebook",
        label: "Share on Facebook",
        url: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
      },
      { network: "bluesky", label: "Post on Bluesky", url: `https://bsky.app/intent/compose?text=${enc}` },
      {
        network: "linkedin",
        label: "Share on LinkedIn",
        url: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
      },
      {
        network: "telegram",
        label: "Share on Telegram",
        url: `https://t.me/share/url?url=${encodeURIComponent(url)}`,
      },
      { network: "whatsapp", label: "Share on WhatsApp", url: `https://wa.me/?text=${enc}` },
      { network: "email", label: "E-mail", url: `mailto:?subject=%23FreeToBeHome&body=${enc}` },
    ],
  };
}

/** Lowercase, no accents, Azerbaijani ə and dotless ı folded, so "məmm" finds "Mammadov". */
export const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("ə", "a").replaceAll("ı", "i");

export interface Catalogue {
  cards: Map<string, { card: Card; names: string[] }>;
  invocations: CommandInvocation[];
  moderatorAnswers: boolean[];
  dispatch(invocation: CommandInvocation): Promise<Reply>;
  autocomplete(query: string): Promise<AutocompleteChoice[]>;
  /** Makes the next dispatch take this long (to exercise deferral). */
  delayNext(ms: number): void;
}

export function createCatalogue(): Catalogue {
  const cards = new Map([
    ["ilgar-mammadov", { card: ilgarCard(), names: ["Ilgar Mammadov", "İlqar Məmmədov", "Ilgar Mamedov"] }],
    [
      "bekele-gerba",
      {
        card: ilgarCard({
          profileId: "bekele-gerba",
          title: "Bekele Gerba",
          subtitle: "Ethiopia",
          quote: undefined,
        }),
        names: ["Bekele Gerba", "Bekele Girba"],
      },
    ],
  ]);
  let delay = 0;
  const find = (query: string) =>
    [...cards.values()].filter(
      (entry) => entry.card.profileId === query || entry.names.some((n) => fold(n).includes(fold(query))),
    );
  const catalogue: Catalogue = {
    cards,
    invocations: [],
    moderatorAnswers: [],
    delayNext: (ms) => {
      delay = ms;
    },
    async autocomplete(query) {
      const typed = fold(query);
      return [...cards.values()]
        .filter((e) =>
          e.names.some((n) =>
            fold(n)
              .split(/\s+/)
              .some((word) => word.startsWith(typed)),
          ),
        )
        .map((e) => ({ name: e.card.title, value: e.card.profileId }));
    },
    async dispatch(invocation) {
      catalogue.invocations.push(invocation);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      delay = 0;
      const name = invocation.options?.name ?? invocation.text ?? "";
      switch (invocation.command) {
        case "prisoner": {
          const found = find(name);
          const [only] = found;
          if (found.length > 1) {
            const choices = found.map((e) => ({
              label: e.card.title,
              detail: e.card.subtitle,
              command: "prisoner",
              args: e.card.profileId,
            }));
            return {
              kind: "choices",
              prompt: `Several people match "${name}":`,
              choices,
              visibility: "public",
            };
          }
          if (!only) return reply.error(`No one called "${name}" here.`);
          return { kind: "card", card: only.card, share: shareKit(only.card), visibility: "public" };
        }
        case "share": {
          const card = find(name || "ilgar-mammadov")[0]?.card ?? ilgarCard();
          return { kind: "share", kit: shareKit(card), card, visibility: "private" };
        }
        case "subscribe":
        case "unsubscribe":
        case "schedule": {
          const ok = await invocation.caller.isModerator();
          catalogue.moderatorAnswers.push(ok);
          if (!ok) return reply.error("Only moderators (Manage Server or Manage Channels) can do that.");
          return reply.success(`Done: /${invocation.command} ${invocation.options?.subcommand ?? ""}`.trim());
        }
        default:
          return reply.info(`/${invocation.command}`);
      }
    },
  };
  return catalogue;
}

export interface LogLine {
  level: string;
  fields: object;
  message?: string;
}

export function memoryLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const at = (level: string) => (fields: object, message?: string) =>
    void lines.push({ level, fields, message });
  return {
    lines,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => memoryLogger(lines),
  };
}
