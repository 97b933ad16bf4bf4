/**
 * Command definitions → the JSON of Discord's bulk overwrite (PUT /applications/{id}/commands), pure.
 * Every definition is checked against Discord's naming rules first, and every problem is reported at
 * once, because a registration Discord refuses would leave the old commands in place.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  InteractionContextType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { AnyCommand, CommandOption, SubcommandDefinition } from "../../src/core/command.ts";
import { MODERATOR_DEFAULT_PERMISSIONS } from "./permissions.ts";

/** Discord's CHAT_INPUT name rule: 1–32 of letters, digits, `-`, `_`, `'` (Devanagari and Thai allowed). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMANDS = 100;
const MAX_OPTIONS = 25;
const MAX_DESCRIPTION = 100;
/** Name, description and every option's name and description together, per command. */
const MAX_COMMAND_CHARS = 8000;

type Body = RESTPutAPIApplicationCommandsJSONBody;

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
    // Discord cannot mix subcommands with plain options, so a command with subcommands (schedule
    // add/list/cancel) registers only those; its top-level options serve typed-text platforms.
    options: command.subcommands?.length ? command.subcommands.map(subcommand) : options(command.options),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    // Moderator commands change a channel's settings, which only exist in servers: never in DMs.
    contexts: command.moderatorOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
    // Only hides the command by default; the adapter checks the caller's permissions on every call.
    default_member_permissions: command.moderatorOnly ? String(MODERATOR_DEFAULT_PERMISSIONS) : null,
  }));
}

function subcommand(definition: SubcommandDefinition): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: definition.name,
    description: definition.description,
    options: options(definition.options),
  };
}

/** Discord wants required options first; order carries no meaning for named options, so sort stably. */
function options(list: readonly CommandOption[]): APIApplicationCommandBasicOption[] {
  return [...list]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((option) => ({
      type: ApplicationCommandOptionType.String,
      name: option.name,
      description: option.description,
      required: option.required,
      autocomplete: option.autocomplete === "profile",
    }));
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
  );
  for (const command of commands) {
    const at = `/${command.name}`;
    problems.push(...checkNamed(at, command));
    const subs = command.subcommands ?? [];
    if (subs.length > MAX_OPTIONS) problems.push(`${at}: ${subs.length} subcommands (max ${MAX_OPTIONS})`);
    problems.push(
      ...duplicates(
        subs.map((s) => s.name),
        `${at} subcommand`,
      ),
    );
    for (const sub of subs) problems.push(...checkNamed(`${at} ${sub.name}`, sub));
    const lists = subs.length > 0 ? subs.map((s) => ({ where: `${at} ${s.name}`, list: s.options })) : [];
    for (const { where, list } of lists.length > 0 ? lists : [{ where: at, list: command.options }]) {
      if (list.length > MAX_OPTIONS) problems.push(`${where}: ${list.length} options (max ${MAX_OPTIONS})`);
      problems.push(
        ...duplicates(
          list.map((o) => o.name),
          `${where} option`,
        ),
      );
      for (const option of list) problems.push(...checkNamed(`${where} <${option.name}>`, option));
    }
    const chars = countChars(command);
    if (chars > MAX_COMMAND_CHARS) problems.push(`${at}: ${chars} characters of names and descriptions`);
  }
  return problems;
}

function checkNamed(at: string, item: { name: string; description: string }): string[] {
  const problems: string[] = [];
  if (!NAME.test(item.name)) problems.push(`${at}: name must be 1–32 letters, digits, - _ or '`);
  else if (item.name !== item.name.toLowerCase()) problems.push(`${at}: name must be lowercase`);
  const length = item.description.length;
  if (length < 1 || length > MAX_DESCRIPTION) problems.push(`${at}: description must be 1–100 characters`);
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

function countChars(command: AnyCommand): number {
  const named = (items: readonly { name: string; description: string }[]) =>
    items.reduce((sum, item) => sum + item.name.length + item.description.length, 0);
  const subs = command.subcommands ?? [];
  return (
    named([command]) + named(subs) + named(subs.length > 0 ? subs.flatMap((s) => s.options) : command.options)
  );
}
