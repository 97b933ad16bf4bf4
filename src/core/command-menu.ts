/**
 * The words of command menus in a reader's language: every command's, subcommand's and option's
 * description and every command's usage line, from the catalog area `menu`. The English `description` and
 * `usage` of each definition (commands/*.ts) stay the source; the English catalog repeats them, and a
 * test keeps the two equal. Should they ever differ (a description edited, the catalog not yet), the
 * definition's own English is used in every language: a menu never shows a translation of old words.
 *
 * Keys: `menu.command.<command>.description`, `.usage` and `.option.<option>`, and for a subcommand
 * `menu.command.<command>.<subcommand>.description` and `.option.<option>`.
 */
import type { AnyCommand, CommandOption, SubcommandDefinition } from "./command.ts";
import { english, isMessageKey, type MessageKey, type Translator } from "./i18n/translator.ts";

/** One entry of a command menu: a command, one of its subcommands, or an option of either. */
export interface MenuItem {
  command: AnyCommand;
  subcommand?: SubcommandDefinition;
  option?: CommandOption;
}

/** The catalog key of an item's description (or of a command's usage line). */
export function menuKey(item: MenuItem, field: "description" | "usage" = "description"): string {
  const base = item.subcommand
    ? `menu.command.${item.command.name}.${item.subcommand.name}`
    : `menu.command.${item.command.name}`;
  if (item.option) return `${base}.option.${item.option.name}`;
  return field === "usage" && !item.subcommand ? `${base}.usage` : `${base}.description`;
}

/** The definition's own English words for the item. */
export function menuSource(item: MenuItem, field: "description" | "usage" = "description"): string {
  if (item.option) return item.option.description;
  if (item.subcommand) return item.subcommand.description;
  return field === "usage" ? item.command.usage : item.command.description;
}

/** The item's catalog key when the English catalog says exactly what the definition says; else undefined. */
function currentKey(item: MenuItem, field: "description" | "usage"): MessageKey | undefined {
  const key = menuKey(item, field);
  if (!isMessageKey(key)) return undefined;
  return english.t(key) === menuSource(item, field) ? key : undefined;
}

/** The item's words in `tr`'s language (its English source when the catalog has none for it). */
export function menuText(
  tr: Translator,
  item: MenuItem,
  field: "description" | "usage" = "description",
): string {
  const key = currentKey(item, field);
  return key ? tr.t(key) : menuSource(item, field);
}

/**
 * The item's words in `tr`'s language only when that language's own catalog has them (no fallback): what
 * a platform's per-language menu field takes, where English is the default anyway.
 */
export function ownMenuText(
  tr: Translator,
  item: MenuItem,
  field: "description" | "usage" = "description",
): string | undefined {
  const key = currentKey(item, field);
  return key && tr.has(key) ? tr.t(key) : undefined;
}

/** Every item of a command, in registration order: the command, its options, its subcommands and theirs. */
export function menuItems(command: AnyCommand): MenuItem[] {
  return [
    { command },
    ...command.options.map((option) => ({ command, option })),
    ...(command.subcommands ?? []).flatMap((subcommand) => [
      { command, subcommand },
      ...subcommand.options.map((option) => ({ command, subcommand, option })),
    ]),
  ];
}
