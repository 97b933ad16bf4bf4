/**
 * Command definitions → the JSON of Discord's bulk overwrite (PUT /applications/{id}/commands), pure.
 * Every definition is checked against Discord's naming rules first, and every problem is reported at
 * once, because a registration Discord refuses would leave the old commands in place.
 *
 * Names and descriptions are localized (`name_localizations` from the catalog area `names`,
 * `description_localizations` from `menu`) in every shipped language Discord has a locale for; English is
 * the default. A localized name is a label in the member's menu: interactions still carry the English
 * name, and Discord's client matches the English name when typed, so the `/prisoner` every help text
 * names works for everyone.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  InteractionContextType,
  Locale,
  type LocalizationMap,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { AnyCommand, CommandOption, SubcommandDefinition } from "../../src/core/command.ts";
import { type MenuItem, ownMenuName, ownMenuText } from "../../src/core/command-menu.ts";
import { USER_LANGUAGES } from "../../src/core/i18n/languages.ts";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import { MODERATOR_DEFAULT_PERMISSIONS } from "./permissions.ts";

/** Discord's CHAT_INPUT name rule: 1–32 of letters, digits, `-`, `_`, `'` (Devanagari and Thai allowed). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMANDS = 100;
const MAX_OPTIONS = 25;
const MAX_DESCRIPTION = 100;
/** Name, description and every option's name and description together, per command. */
const MAX_COMMAND_CHARS = 8000;

type Body = RESTPutAPIApplicationCommandsJSONBody;

const DISCORD_LOCALES = new Set<string>(Object.values(Locale));

/** Each Discord locale of a shipped language other than English (the default), with its translator. */
const LOCALIZED = USER_LANGUAGES.filter((l) => l.tag !== "en").flatMap((language) =>
  language.discord.map((locale) => ({ locale, tr: translatorFor(language.tag) })),
);

/** The item's description in each Discord locale whose language's catalog has it; undefined for none. */
export function descriptionLocalizations(item: MenuItem): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const { locale, tr } of LOCALIZED) {
    const text = ownMenuText(tr, item);
    if (text !== undefined) map[locale] = text;
  }
  return Object.keys(map).length > 0 ? (map as LocalizationMap) : undefined;
}

/** The item's name in each Discord locale whose language's catalog has it; undefined for none. */
export function nameLocalizations(item: MenuItem): LocalizationMap | undefined {
  const map: Record<string, string> = {};
  for (const { locale, tr } of LOCALIZED) {
    const name = ownMenuName(tr, item);
    if (name !== undefined) map[locale] = name;
  }
  return Object.keys(map).length > 0 ? (map as LocalizationMap) : undefined;
}

const localized = (item: MenuItem) => {
  const names = nameLocalizations(item);
  const descriptions = descriptionLocalizations(item);
  return {
    ...(names ? { name_localizations: names } : {}),
    ...(descriptions ? { description_localizations: descriptions } : {}),
  };
};

export class CommandRegistrationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Discord would refuse these commands:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CommandRegistrationError";
  }
}

/** Throws CommandRegistrationError listing every problem; otherwise the body to PUT. */
export function toApplicationCommands(commands: readonly AnyCommand[]): Body {
  const problems = validate(commands);
  if (problems.length > 0) throw new CommandRegistrationError(problems);
  return commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    ...localized({ command }),
    // Discord cannot mix subcommands with plain options, so a command with subcommands (schedule
    // add/list/cancel) registers only those; its top-level options serve typed-text platforms.
    options: command.subcommands?.length
      ? command.subcommands.map((s) => subcommand(command, s))
      : options(command, command.options),
    ...installation(command),
    // Only hides the command by default; the adapter checks the caller's permissions on every call.
    default_member_permissions: command.moderatorOnly ? String(MODERATOR_DEFAULT_PERMISSIONS) : null,
  }));
}

/**
 * The commands a person may install to their own account and use anywhere: in DMs, group DMs and servers
 * without the bot. They need no channel of the bot's: a card, today's family of the default campaign, the
 * share kit, the actions, the help. /language is left out (it is about a channel the bot posts in).
 */
export const USER_INSTALLABLE: ReadonlySet<string> = new Set(["prisoner", "today", "share", "act", "help"]);

/** Where Discord offers a command: `integration_types` (who installed it) and `contexts` (where it is used). */
function installation(command: AnyCommand) {
  if (USER_INSTALLABLE.has(command.name)) {
    return {
      integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      contexts: [
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ],
    };
  }
  return {
    integration_types: [ApplicationIntegrationType.GuildInstall],
    // Moderator commands change a channel's settings, which only exist in servers: never in DMs.
    contexts: command.moderatorOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

function subcommand(
  command: AnyCommand,
  definition: SubcommandDefinition,
): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: definition.name,
    description: definition.description,
    ...localized({ command, subcommand: definition }),
    options: options(command, definition.options, definition),
  };
}

/** Discord wants required options first; order carries no meaning for named options, so sort stably. */
function options(
  command: AnyCommand,
  list: readonly CommandOption[],
  sub?: SubcommandDefinition,
): APIApplicationCommandBasicOption[] {
  return [...list]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((option): APIApplicationCommandBasicOption => {
      const common = {
        name: option.name,
        description: option.description,
        ...localized(sub ? { command, subcommand: sub, option } : { command, option }),
        required: option.required,
      };
      // A role picker: Discord sends the chosen role's id, and the role itself among the resolved data.
      if (option.kind === "role") return { type: ApplicationCommandOptionType.Role, ...common };
      return {
        type: ApplicationCommandOptionType.String,
        ...common,
        autocomplete: option.autocomplete === "profile",
      };
    });
}

export function validate(commands: readonly AnyCommand[]): string[] {
  const problems: string[] = [];
  if (commands.length > MAX_COMMANDS)
    problems.push(`${commands.length} commands (Discord allows ${MAX_COMMANDS})`);
  problems.push(
    ...duplicates(
      commands.map((c) => c.name),
      "command",
    ),
    ...localizedDuplicates(
      commands.map((command) => ({ command })),
      "command",
    ),
  );
  for (const command of commands) {
    const at = `/${command.name}`;
    problems.push(...checkNamed(at, command, { command }));
    const subs = command.subcommands ?? [];
    if (subs.length > MAX_OPTIONS) problems.push(`${at}: ${subs.length} subcommands (max ${MAX_OPTIONS})`);
    problems.push(
      ...duplicates(
        subs.map((s) => s.name),
        `${at} subcommand`,
      ),
      ...localizedDuplicates(
        subs.map((subcommand) => ({ command, subcommand })),
        `${at} subcommand`,
      ),
    );
    for (const sub of subs)
      problems.push(...checkNamed(`${at} ${sub.name}`, sub, { command, subcommand: sub }));
    const lists =
      subs.length > 0 ? subs.map((s) => ({ where: `${at} ${s.name}`, list: s.options, sub: s })) : [];
    const top = { where: at, list: command.options, sub: undefined };
    for (const { where, list, sub } of lists.length > 0 ? lists : [top]) {
      if (list.length > MAX_OPTIONS) problems.push(`${where}: ${list.length} options (max ${MAX_OPTIONS})`);
      problems.push(
        ...duplicates(
          list.map((o) => o.name),
          `${where} option`,
        ),
        ...localizedDuplicates(
          list.map((option) => (sub ? { command, subcommand: sub, option } : { command, option })),
          `${where} option`,
        ),
      );
      for (const option of list) {
        const item = sub ? { command, subcommand: sub, option } : { command, option };
        problems.push(...checkNamed(`${where} <${option.name}>`, option, item));
      }
    }
    const chars = countChars(command);
    if (chars > MAX_COMMAND_CHARS) problems.push(`${at}: ${chars} characters of names and descriptions`);
  }
  return problems;
}

function checkNamed(at: string, item: { name: string; description: string }, menu: MenuItem): string[] {
  const problems: string[] = [];
  if (!NAME.test(item.name)) problems.push(`${at}: name must be 1–32 letters, digits, - _ or '`);
  else if (item.name !== item.name.toLowerCase()) problems.push(`${at}: name must be lowercase`);
  for (const [locale, name] of Object.entries(nameLocalizations(menu) ?? {})) {
    if (!DISCORD_LOCALES.has(locale)) problems.push(`${at}: Discord has no locale "${locale}"`);
    if (!name || !NAME.test(name))
      problems.push(`${at}: name in ${locale} must be 1–32 letters, digits, - _ or '`);
    else if (name !== name.toLocaleLowerCase(locale))
      problems.push(`${at}: name in ${locale} must be lowercase`);
  }
  const length = item.description.length;
  if (length < 1 || length > MAX_DESCRIPTION) problems.push(`${at}: description must be 1–100 characters`);
  for (const [locale, text] of Object.entries(descriptionLocalizations(menu) ?? {})) {
    if (!DISCORD_LOCALES.has(locale)) problems.push(`${at}: Discord has no locale "${locale}"`);
    const chars = text?.length ?? 0;
    if (chars < 1 || chars > MAX_DESCRIPTION)
      problems.push(`${at}: description in ${locale} must be 1–100 characters (it has ${chars})`);
  }
  return problems;
}

function duplicates(names: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const name of names) {
    if (seen.has(name)) problems.push(`${what} "${name}" is defined twice`);
    seen.add(name);
  }
  return problems;
}

/**
 * Siblings must differ in every locale too: two options both called "nombre" in Spanish are refused.
 * Siblings that share their English name are already reported once, so they are not reported again here.
 */
function localizedDuplicates(items: readonly MenuItem[], what: string): string[] {
  const own = (item: MenuItem) => (item.option ?? item.subcommand ?? item.command).name;
  const problems: string[] = [];
  for (const locale of new Set(LOCALIZED.map((l) => l.locale))) {
    const seen = new Map<string, string>();
    for (const item of items) {
      const map = (nameLocalizations(item) ?? {}) as Record<string, string | undefined>;
      const name = map[locale] ?? own(item);
      const first = seen.get(name);
      if (first !== undefined && first !== own(item))
        problems.push(`${what} in ${locale} "${name}" is defined twice`);
      if (first === undefined) seen.set(name, own(item));
    }
  }
  return problems;
}

/** Discord counts, for each field, the longest of its default and its localizations. */
function countChars(command: AnyCommand): number {
  const longest = (item: MenuItem, description: string) =>
    Math.max(
      description.length,
      ...Object.values(descriptionLocalizations(item) ?? {}).map((t) => t?.length ?? 0),
    );
  const subs = command.subcommands ?? [];
  const items: Array<{ name: string; description: string; menu: MenuItem }> = [
    { ...command, menu: { command } },
    ...subs.map((s) => ({ ...s, menu: { command, subcommand: s } })),
    ...(subs.length > 0
      ? subs.flatMap((s) => s.options.map((o) => ({ ...o, menu: { command, subcommand: s, option: o } })))
      : command.options.map((o) => ({ ...o, menu: { command, option: o } }))),
  ];
  const longestName = (item: MenuItem, name: string) =>
    Math.max(name.length, ...Object.values(nameLocalizations(item) ?? {}).map((n) => n?.length ?? 0));
  return items.reduce(
    (sum, item) => sum + longestName(item.menu, item.name) + longest(item.menu, item.description),
    0,
  );
}
