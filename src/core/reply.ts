/**
 * What a command answers, independent of any platform. Text is plain (no markup): each platform's
 * renderer escapes it and lays it out within that platform's limits.
 */
export type Visibility = "public" | "private";

/** What a card's line says, whatever its label's language: code finds a line by this, never by its label. */
export type CardFieldId =
  | "status"
  | "detainedSince"
  | "disappearedSince"
  | "detained"
  | "arrested"
  | "charges"
  | "sentence"
  | "placeOfDetention"
  | "earlierDetentions"
  | "designations"
  | "family";

/** One labelled line of a card: "Status", "Detained since", "Charges as reported", in the reader's language. */
export interface CardField {
  /**
   * Always set by the presenter (src/presentation/fields.ts). Optional only so that the hand-made cards of
   * renderer tests, which never look a line up, need not name one.
   */
  id?: CardFieldId;
  label: string;
  value: string;
}

export interface CardSource {
  title: string;
  publisher: string;
  url: string;
}

/** A profile as shown: only what consent and safety allow, already in neutral words. */
export interface Card {
  profileId: string;
  title: string;
  /** Country, and other names where they help recognition. */
  subtitle: string;
  /**
   * Said plainly right after the name, before the rest, e.g. that a historical campaign's status may have
   * changed. It never repeats the date in `statusAsOf`: a card says "as of" once.
   */
  notice?: string;
  /**
   * Not verified within the freshness limit (a live campaign): shown only privately, with the notice saying
   * so, and never posted, shared or offered inline, where it would pass for today's status.
   */
  stale?: true;
  summary: string;
  fields: CardField[];
  familyStory?: string;
  quote?: { text: string; attribution: string; isTranslation: boolean };
  photo?: { url: string; alt: string; credit: string };
  sources: CardSource[];
  /** "Status as of 23 April 2020": every card carries it. */
  statusAsOf: string;
  hashtag: string;
  campaign: { id: string; name: string; url: string };
}

export type ShareNetwork = "x" | "facebook" | "bluesky" | "linkedin" | "telegram" | "whatsapp" | "email";

export interface ShareLink {
  network: ShareNetwork;
  label: string;
  url: string;
}

export interface ShareKit {
  profileId: string;
  /** Ready to paste: the story line, the hashtag and the link. */
  text: string;
  url: string;
  hashtag: string;
  links: ShareLink[];
  /**
   * `https://t.me/<bot>?start=p_<id>`: the profile in a private chat with the Telegram bot, when its
   * username is known (core/deep-link.ts). The Telegram share link shares it.
   */
  botLink?: string;
}

/** One option of a list to pick from; `command` and `args` re-run the command with the choice made. */
export interface Choice {
  label: string;
  detail: string;
  command: string;
  args: string;
}

/**
 * A button under a card or a daily post, whatever the platform. `command`: runs `command args` for the
 * person who pressed it (through the same path as a choice) and answers them privately, in their language;
 * `link`: opens `url`. Each platform's renderer lays them out within its limits and leaves out one it
 * cannot carry (a command too long for the platform's button data), never the card itself.
 */
export type ReplyButton =
  | { kind: "command"; label: string; command: string; args: string }
  | { kind: "link"; label: string; url: string };

/**
 * `language`: the language the reply is written in (a tag of core/i18n/languages.ts), set by the
 * dispatcher and the daily post; the platform's renderer writes its own words (labels, buttons) in it.
 * Absent: English.
 */
export type Reply = (
  | { kind: "text"; text: string; tone: "info" | "success" | "error"; visibility: Visibility }
  | {
      kind: "card";
      card: Card;
      intro?: string;
      share?: ShareKit;
      /** "What you can do", "Read more" (presentation/actions.ts); the share links stay in `share`. */
      buttons?: ReplyButton[];
      visibility: Visibility;
    }
  | { kind: "choices"; prompt: string; choices: Choice[]; visibility: Visibility }
  | { kind: "share"; kit: ShareKit; card: Card; visibility: Visibility }
) & {
  language?: string;
  /**
   * The one profile a reply of another kind than a card or share kit is about (e.g. a profile's actions),
   * so a button press that brought it is counted for that profile (profileShown).
   */
  profileId?: string;
};

/**
 * The one profile a reply shows, if it shows exactly one: a card, a share kit, or a reply that names its
 * profile. A pick list, a refusal or a plain answer shows none. A button press is counted only for this.
 */
export function profileShown(reply: Reply): string | undefined {
  switch (reply.kind) {
    case "card":
    case "share":
      return reply.card.profileId;
    case "text":
    case "choices":
      return reply.profileId;
  }
}

export const reply = {
  info: (text: string, visibility: Visibility = "public"): Reply => ({
    kind: "text",
    text,
    tone: "info",
    visibility,
  }),
  success: (text: string, visibility: Visibility = "public"): Reply => ({
    kind: "text",
    text,
    tone: "success",
    visibility,
  }),
  /** A refusal or a mistake to fix: shown only to the caller where the platform allows. */
  error: (text: string): Reply => ({ kind: "text", text, tone: "error", visibility: "private" }),
};
