/**
 * Telegram deep links to a profile: `https://t.me/<bot>?start=p_<profile id>` opens a private chat with the
 * bot, which then receives `/start p_<profile id>` and answers with the profile's card. Telegram allows a
 * start parameter of 1–64 characters from A-Z, a-z, 0-9, _ and -; a profile id (a slug: a-z, 0-9, single
 * hyphens, up to 80 characters, src/core/profile.ts) fits as it is when it has at most 62 characters, and
 * a longer one gets no link. What arrives is data: only a well-formed payload naming a slug is read.
 */

export const PROFILE_START_PREFIX = "p_";
const START_PARAMETER_MAX = 64;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Telegram usernames: 5–32 characters from A-Z, a-z, 0-9 and _. */
const BOT_USERNAME = /^[A-Za-z0-9_]{5,32}$/;

/** The start parameter opening a profile, or undefined when its id cannot travel in one. */
export function profileStartParameter(profileId: string): string | undefined {
  const parameter = `${PROFILE_START_PREFIX}${profileId}`;
  return SLUG.test(profileId) && parameter.length <= START_PARAMETER_MAX ? parameter : undefined;
}

/** What `/start <payload>` asks for: nothing (a plain start), a profile, or something we do not read. */
export type StartRequest =
  | { kind: "plain" }
  | { kind: "profile"; profileId: string }
  | { kind: "unreadable" };

export function readStartPayload(payload: string): StartRequest {
  const text = payload.trim();
  if (text === "") return { kind: "plain" };
  if (!text.startsWith(PROFILE_START_PREFIX) || text.length > START_PARAMETER_MAX)
    return { kind: "unreadable" };
  const profileId = text.slice(PROFILE_START_PREFIX.length);
  return SLUG.test(profileId) ? { kind: "profile", profileId } : { kind: "unreadable" };
}

/** `https://t.me/<bot>?start=p_<id>`, or undefined without a valid username or for an id that does not fit. */
export function telegramProfileLink(botUsername: string | undefined, profileId: string): string | undefined {
  const parameter = profileStartParameter(profileId);
  if (!botUsername || !BOT_USERNAME.test(botUsername) || !parameter) return undefined;
  return `https://t.me/${botUsername}?start=${parameter}`;
}

/**
 * The Telegram bot's username, once its adapter has asked Telegram (getMe at start): until then, and in a
 * process without Telegram, undefined, and share kits carry no link to the bot.
 */
export interface TelegramBotName {
  get(): string | undefined;
  set(username: string): void;
}

export function createTelegramBotName(): TelegramBotName {
  let username: string | undefined;
  return {
    get: () => username,
    set: (name) => {
      username = BOT_USERNAME.test(name) ? name : undefined;
    },
  };
}
