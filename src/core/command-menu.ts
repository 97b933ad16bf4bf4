/**
 * The words of command menus in a reader's language: every command's, subcommand's and option's
 * description and every command's usage line, from the catalog area `menu`. The English `description` and
 * `usage` of each definition (commands/*.ts) stay the source; the English catalog repeats them, and a
 * test keeps the two equal. Should they ever differ (a description edited, the catalog not yet), the
 * definition's own English is used in every language: a menu never shows a translation of old words.
 *
 * Keys: `menu.command.<command>.description`, `.usage` and `.option.<option>`, and for a subcommand
 * `menu.command.<command>.<subcommand>.description` and `.option.<option>`.
 *
 * Names have their own area, `names` (`names.command.<command>[.<subcommand>][.option.<option>]`), under
 * the same rule: the English catalog repeats each definition's name, and a translated name is used only
 * while it does. A localized name is only a label: Discord sends the English name with every interaction,
 * and its client still matches the English name a member types, so every `/prisoner` in a help text works.
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

/** The catalog key of an item's name. */
export function nameKey(item: MenuItem): string {
  const sub = item.subcommand ? `.${item.subcommand.name}` : "";
  const option = item.option ? `.option.${item.option.name}` : "";
  return `names.command.${item.command.name}${sub}${option}`;
}

/** The definition's own name for the item. */
function nameSource(item: MenuItem): string {
  return (item.option ?? item.subcommand ?? item.command).name;
}

/**
 * The item's name in `tr`'s language, only when that language's own catalog has it and the English
 * catalog still repeats the definition's name; else undefined (the platform shows the English name).
 */
export function ownMenuName(tr: Translator, item: MenuItem): string | undefined {
  const key = nameKey(item);
  if (!isMessageKey(key) || english.t(key) !== nameSource(item)) return undefined;
  return tr.has(key) ? tr.t(key) : undefined;
}
