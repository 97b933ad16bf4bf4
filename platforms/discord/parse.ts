/**
 * Incoming interactions → CommandInvocation. Pure: it reads only what Discord sent with the interaction
 * (including the caller's permissions in that channel), so it works on discord.js objects and plain ones.
 */
import { ApplicationCommandOptionType, type PermissionsBitField } from "discord.js";
import type { CommandInvocation } from "../../src/core/command.ts";
import { encodeChannel, encodeCommunity } from "./ids.ts";
import { isModerator, isServerModerator } from "./permissions.ts";

/** The parts of an option discord.js gives us (CommandInteractionOption), nested for subcommands. */
export interface RawOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  /** Set on the option being typed in an autocomplete interaction. */
  focused?: boolean;
  options?: readonly RawOption[];
}

/** What any interaction tells us about where it came from and who sent it. */
export interface InteractionSource {
  guildId: string | null;
  channelId: string | null;
  user: { id: string; username: string; globalName: string | null };
  /** The member's permissions in the channel, overwrites applied; null in DMs. */
  memberPermissions: Readonly<PermissionsBitField> | null;
  /**
   * The language the member runs Discord in ("es-ES", "zh-CN"), sent with every interaction: their own
   * requests are answered in it when the bot speaks it. Discord has no Arabic, Persian or Azerbaijani,
   * so their readers arrive with another locale and the channel's language matters there.
   */
  locale?: string;
}

export interface CommandSource extends InteractionSource {
  commandName: string;
  options: { readonly data: readonly RawOption[] };
}

/** Undefined when the interaction has no channel (Discord always sends one for slash commands). */
export function parseCommand(source: CommandSource): CommandInvocation | undefined {
  const [first] = source.options.data;
  // Option names are keys here: with no prototype, one named "__proto__" or "constructor" is plain data too.
  const options: Record<string, string | undefined> = Object.create(null);
  let leaves: readonly RawOption[] = source.options.data;
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    options.subcommand = first.name;
    leaves = first.options ?? [];
  }
  for (const option of leaves) {
    if (option.value !== undefined) options[option.name] = String(option.value);
  }
  return invocation(source, source.commandName, { options });
}

/** A choice button re-runs its command with the chosen arguments as typed text. */
export function parseChoice(
  source: InteractionSource,
  choice: { command: string; args: string },
): CommandInvocation | undefined {
  const parsed = invocation(source, choice.command, { text: choice.args });
  // A press on our own button, counted as one (src/services/press-count.ts).
  return parsed && { ...parsed, via: "button" };
}

function invocation(
  source: InteractionSource,
  command: string,
  input: Pick<CommandInvocation, "options" | "text">,
): CommandInvocation | undefined {
  if (!source.channelId) return undefined;
  return {
    command,
    ...input,
    platform: "discord",
    channel: encodeChannel(source.guildId, source.channelId),
    community: encodeCommunity(source.guildId, source.channelId),
    // No server: the bot's DM with this person (the only place without one the commands are offered).
    ...(source.guildId === null ? { privateChat: true } : {}),
    ...(source.locale ? { locale: source.locale } : {}),
    caller: {
      id: source.user.id,
      name: source.user.globalName ?? source.user.username,
      // Asked fresh each time from what this interaction carries: admins can grant a moderator command
      // to anyone, so having been able to run it proves nothing.
      isModerator: async () => isModerator(source.memberPermissions),
      isCommunityModerator: async () => isServerModerator(source.memberPermissions),
    },
  };
}

/** The option being typed in an autocomplete interaction, found in the (possibly nested) options. */
export function focusedOption(data: readonly RawOption[]): RawOption | undefined {
  for (const option of data) {
    if (option.focused) return option;
    const nested = option.options && focusedOption(option.options);
    if (nested) return nested;
  }
  return undefined;
}
