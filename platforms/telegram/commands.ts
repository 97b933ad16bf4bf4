/**
 * Command definitions → Telegram command menus (setMyCommands), pure. Menus are cosmetic: moderator-only
 * commands are merely hidden from members; `caller.isModerator()` is the real check.
 */
import type { AnyCommand } from "../../src/core/command.ts";
import type { BotCommand } from "telegraf/types";
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

function description(command: AnyCommand): string {
  const text = command.description.replace(/\s+/g, " ").trim() || command.usage.trim() || command.name;
  return clip(text, DESCRIPTION_LIMIT);
}

export function commandMenus(commands: readonly AnyCommand[]): CommandMenus {
  const skipped: string[] = [];
  const valid = commands.filter((c) => {
    const ok = NAME.test(c.name);
    if (!ok) skipped.push(c.name);
    return ok;
  });
  const toBot = (c: AnyCommand): BotCommand => ({ command: c.name, description: description(c) });
  return {
    everyone: valid
      .filter((c) => !c.moderatorOnly)
      .slice(0, MAX_COMMANDS)
      .map(toBot),
    moderators: valid.slice(0, MAX_COMMANDS).map(toBot),
    skipped,
  };
}
