/**
 * `/subscribe @ourchannel 09:00 …` in a private chat with the bot: a moderator's command for a channel the
 * person administers, named first by its public @username or its id (-100…). Pure: which channel the text
 * names, and the rest of the text for the command.
 */

/** A public username as Telegram allows them: 5–32 characters, a letter first, letters, digits, underscores. */
const USERNAME = /^@[A-Za-z][A-Za-z0-9_]{3,31}$/;
/** A channel's (or supergroup's) id: -100 then its number. */
const CHANNEL_ID = /^-100\d{1,13}$/;

export interface ChannelTarget {
  /** As getChat takes it: "@name" or the numeric id. */
  chat: string | number;
  /** As the person wrote it, for answers. */
  shown: string;
  /** The command's own text after the channel. */
  rest: string;
}

export function channelTargetOf(text: string): ChannelTarget | undefined {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  const chat = USERNAME.test(first) ? first : CHANNEL_ID.test(first) ? Number(first) : undefined;
  if (chat === undefined || (typeof chat === "number" && !Number.isSafeInteger(chat))) return undefined;
  return { chat, shown: first, rest: rest.join(" ") };
}
