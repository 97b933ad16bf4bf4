/**
 * Realistic replies and posts for the Slack tests (the real commands are written elsewhere), hostile ones
 * included, plus a logger that keeps what it is told.
 */
import { z } from "zod";
import { type AnyCommand, defineCommand } from "../../../src/core/command.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import type { Logger } from "../../../src/core/ports/logger.ts";
import { type Card, type Reply, reply, type ShareKit } from "../../../src/core/reply.ts";

/** A command definition with the shape the real ones have; the tests' dispatch answers for it. */
export function testCommand(name: string, usage: string, moderatorOnly = false): AnyCommand {
  return defineCommand({
    name,
    description: `The ${name} command`,
    usage,
    moderatorOnly,
    options: [],
    parseText: (text) => ({ text }),
    args: z.object({ text: z.string().optional() }),
    run: async () => reply.info(name),
  });
}

export function sampleCard(overrides: Partial<Card> = {}): Card {
  return {
    profileId: "mammadov-tofig",
    title: "Tofig Mammadov",
    subtitle: "Azerbaijan · also written Tofiq Məmmədov, Тофик Мамедов",
    summary:
      "A school teacher from Ganja who wrote about local corruption on his blog.\n\nHe was arrested after a post about a road contract and has been held since.",
    fields: [
      { label: "Status", value: "Still detained" },
      { label: "Detained since", value: "14 March 2019" },
      {
        label: "Charges as reported",
        value: "Hooliganism (Article 221.3), illegal possession of drugs (Article 234.1)",
      },
      { label: "Sentence", value: "7 years" },
    ],
    familyStory: "His wife Leyla raises their two daughters alone. Every Sunday they write him a letter.",
    quote: {
      text: "We are waiting for him at the same table.",
      attribution: "Leyla, his wife",
      isTranslation: true,
    },
    photo: {
      url: "https://img.example.org/tofig.jpg",
      alt: "Tofig Mammadov smiling",
      credit: "Family archive",
    },
    sources: [
      {
        title: "Teacher sentenced to seven years",
        publisher: "Meydan TV",
        url: "https://www.meydan.tv/en/article/123",
      },
      {
        title: "Annual report 2020",
        publisher: "Amnesty International",
        url: "https://www.amnesty.org/en/documents/x/",
      },
    ],
    statusAsOf: "Status as of 23 April 2020",
    hashtag: "#FreeToBeHome",
    campaign: { id: "ftbh", name: "Free To Be Home", url: "https://freetobehome.example.org" },
    ...overrides,
  };
}

export function sampleShare(overrides: Partial<ShareKit> = {}): ShareKit {
  const url = "https://freetobehome.example.org/p/mammadov-tofig";
  return {
    profileId: "mammadov-tofig",
    text: `Tofig Mammadov, a teacher, has been detained since 2019. His daughters are waiting. #FreeToBeHome ${url}`,
    url,
    hashtag: "#FreeToBeHome",
    links: [
      {
        network: "x",
        label: "Post on X",
        url: `https://x.com/intent/post?text=Tofig&url=${encodeURIComponent(url)}`,
      },
      {
        network: "facebook",
        label: "Share on Facebook",
        url: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
      },
      { network: "bluesky", label: "Post on Bluesky", url: "https://bsky.app/intent/compose?text=Tofig" },
      { network: "email", label: "E-mail", url: "https://freetobehome.example.org/mail?p=mammadov-tofig" },
    ],
    ...overrides,
  };
}

export const cardReply = (card = sampleCard()): Reply => ({
  kind: "card",
  card,
  share: sampleShare(),
  visibility: "public",
});

export const choicesReply: Reply = {
  kind: "choices",
  prompt: 'Several people match "mam". Which one did you mean?',
  visibility: "private",
  choices: [
    {
      label: "Tofig Mammadov",
      detail: "Azerbaijan · Still detained · Status as of 23 April 2020",
      command: "prisoner",
      args: "mammadov-tofig",
    },
    {
      label: "Ilgar Mammadov",
      detail: "Azerbaijan · Released · Status as of 1 May 2018",
      command: "prisoner",
      args: "mammadov-ilgar",
    },
  ],
};

export function samplePost(card = sampleCard(), key = "s1:2024-05-01"): OutboundPost {
  return { kind: "daily", intro: "Today's featured family", card, share: sampleShare(), idempotencyKey: key };
}

/** Text that tries everything Slack markup allows: mentions, links, formatting, entities, RTL, length. */
export const HOSTILE = {
  mentions: "<!channel> <!here> <!everyone> <@U123ABC> <#C123ABC> <!subteam^S123|@team> @channel",
  link: "<https://evil.example|click me> <javascript:alert(1)|x>",
  formatting: "*bold* _italic_ ~strike~ `code` ```block``` > quote &amp; &lt;b&gt; & < >",
  rtl: "محمد علی‌زاده — מרים כהן \u202Eevil\u202C",
  long: "Ah, ".repeat(1250),
};

export function hostileCard(): Card {
  const all = Object.values(HOSTILE).join(" ");
  return sampleCard({
    title: `${HOSTILE.mentions} ${HOSTILE.rtl} ${HOSTILE.long}`,
    subtitle: all,
    notice: HOSTILE.mentions,
    summary: `${all}\n\n${HOSTILE.long}${HOSTILE.long}`,
    fields: [
      { label: HOSTILE.formatting, value: all },
      { label: "Status", value: HOSTILE.long },
    ],
    familyStory: `${HOSTILE.long}\n\n${all}\n\n${HOSTILE.long}${HOSTILE.long}`,
    quote: { text: all, attribution: HOSTILE.mentions, isTranslation: false },
    photo: { url: "javascript:alert(1)", alt: HOSTILE.mentions, credit: HOSTILE.mentions },
    sources: [
      { title: HOSTILE.mentions, publisher: HOSTILE.formatting, url: "https://news.example.org/a|b>c<d" },
      { title: HOSTILE.link, publisher: HOSTILE.rtl, url: "javascript:alert(1)" },
      { title: HOSTILE.long, publisher: HOSTILE.long, url: `https://news.example.org/${"x".repeat(4000)}` },
    ],
    hashtag: "<#C123ABC|general> #FreeToBeHome",
    campaign: { id: "ftbh", name: HOSTILE.mentions, url: "https://freetobehome.example.org/?a=1&b=<2>" },
  });
}

export interface LogEntry {
  level: string;
  fields: object;
  message?: string;
}

export function memoryLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const at = (level: string) => (fields: object, message?: string) => {
    entries.push({ level, fields, ...(message !== undefined ? { message } : {}) });
  };
  const logger: Logger & { entries: LogEntry[] } = {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => logger,
  };
  return logger;
}

/** Polls until `check` is true; fails after `timeoutMs`. For answers that arrive after the ack. */
export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
