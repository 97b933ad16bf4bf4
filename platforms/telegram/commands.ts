/**
 * Command definitions → Telegram command menus (setMyCommands), pure. Menus are cosmetic: moderator-only
 * commands are merely hidden from members; `caller.isModerator()` is the real check.
 *
 * Each menu is registered once per language (`language_code`, two letters) with its descriptions from the
 * catalog area `menu`, and once without a language (English) for everyone else. Command names stay
 * English: they are what people type.
 */
import type { AnyCommand } from "../../src/core/command.ts";
import { menuText } from "../../src/core/command-menu.ts";
import { type LanguageTag, USER_LANGUAGES } from "../../src/core/i18n/languages.ts";
import { english, type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { BotCommand, BotCommandScope } from "telegraf/types";
import { clip } from "./split.ts";

const NAME = /^[a-z0-9_]{1,32}$/;
const DESCRIPTION_LIMIT = 256;
const MAX_COMMANDS = 100;

export interface CommandMenus {
  /** Everyone: commands that are not moderator-only. */
  everyone: BotCommand[];
  /** Chat administrators and private chats (whose user moderates them): every command. */
  moderators: BotCommand[];
  /** Names Telegram would refuse; they still work when typed, but appear in no menu. */
  skipped: string[];
}

function description(command: AnyCommand, tr: Translator): string {
  const text = menuText(tr, { command }).replace(/\s+/g, " ").trim() || command.usage.trim() || command.name;
  return clip(text, DESCRIPTION_LIMIT);
}

export function commandMenus(commands: readonly AnyCommand[], tr: Translator = english): CommandMenus {
  const skipped: string[] = [];
  const valid = commands.filter((c) => {
    const ok = NAME.test(c.name);
    if (!ok) skipped.push(c.name);
    return ok;
  });
  const toBot = (c: AnyCommand): BotCommand => ({ command: c.name, description: description(c, tr) });
  return {
    everyone: valid
      .filter((c) => !c.moderatorOnly)
      .slice(0, MAX_COMMANDS)
      .map(toBot),
    moderators: valid.slice(0, MAX_COMMANDS).map(toBot),
    skipped,
  };
}

/** Telegram's `language_code` for a shipped language: ISO 639-1, two letters ("zh" for zh-Hans). */
export function telegramLanguageCode(tag: LanguageTag): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** One setMyCommands call: the menu, its scope, and its language (none: everyone else's). */
export interface MenuRegistration {
  commands: BotCommand[];
  scope: BotCommandScope;
  language_code?: string;
}

/**
 * Every setMyCommands call, in order: for the default menu (members), chat administrators and private
 * chats, the English menu without a language, then one per other shipped language.
 */
export function menuRegistrations(commands: readonly AnyCommand[]): {
  calls: MenuRegistration[];
  skipped: string[];
} {
  const languages = [
    { code: undefined, tr: english },
    ...USER_LANGUAGES.filter((l) => l.tag !== "en").map((l) => ({
      code: telegramLanguageCode(l.tag as LanguageTag),
      tr: translatorFor(l.tag),
    })),
  ];
  const calls: MenuRegistration[] = [];
  for (const { code, tr } of languages) {
    const menus = commandMenus(commands, tr);
    const language = code ? { language_code: code } : {};
    calls.push(
      { commands: menus.everyone, scope: { type: "default" }, ...language },
      { commands: menus.moderators, scope: { type: "all_chat_administrators" }, ...language },
      { commands: menus.moderators, scope: { type: "all_private_chats" }, ...language },
    );
  }
  return { calls, skipped: commandMenus(commands).skipped };
}
