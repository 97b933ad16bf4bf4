/**
 * Incoming interactions → CommandInvocation. Pure: it reads only what Discord sent with the interaction
 * (including the caller's permissions in that channel), so it works on discord.js objects and plain ones.
 */
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type PermissionsBitField,
} from "discord.js";
import type { CommandInvocation } from "../../src/core/command.ts";
import { encodeChannel, encodeCommunity, encodeGuestPlace } from "./ids.ts";
import { isModerator, isServerModerator } from "./permissions.ts";

/** The parts of an option discord.js gives us (CommandInteractionOption), nested for subcommands. */
export interface RawOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  /** Set on the option being typed in an autocomplete interaction. */
  focused?: boolean;
  options?: readonly RawOption[];
  /** A role option's role, as Discord resolved it (discord.js `option.role`). */
  role?: { id: string; name?: string; managed?: boolean; mentionable?: boolean } | null;
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
  /** Where it was used: a server, the bot's DM, or a private channel (group DM) the bot is not in. */
  context?: InteractionContextType | null;
  /** Who installed the app for this interaction: `{ 0: guild id }` (server), `{ 1: user id }` (account). */
  authorizingIntegrationOwners?: Partial<Record<ApplicationIntegrationType, string>>;
}

/**
 * The bot is not a member here: a group DM or another user's DM (context 2), or a server that did not
 * install the app, where only the member's own install authorizes the command (no guild owner).
 */
export function isGuest(
  source: Pick<InteractionSource, "context" | "authorizingIntegrationOwners">,
): boolean {
  if (source.context === InteractionContextType.PrivateChannel) return true;
  const owners = source.authorizingIntegrationOwners;
  return (
    source.context === InteractionContextType.Guild &&
    owners !== undefined &&
    owners[ApplicationIntegrationType.GuildInstall] === undefined
  );
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
    if (option.value === undefined) continue;
    // @everyone is the role whose id is the server's: it is never pinged, so choosing it means no role.
    const everyone = option.type === ApplicationCommandOptionType.Role && option.value === source.guildId;
    options[option.name] = everyone ? "none" : String(option.value);
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
  const guest = isGuest(source);
  const place = guest
    ? encodeGuestPlace(source.channelId)
    : {
        channel: encodeChannel(source.guildId, source.channelId),
        community: encodeCommunity(source.guildId, source.channelId),
      };
  return {
    command,
    ...input,
    platform: "discord",
    ...place,
    ...(guest ? { guest: true } : {}),
    // No server: a DM (the bot's own, or, as a guest, someone else's or a group's).
    ...(source.guildId === null ? { privateChat: true } : {}),
    ...(source.locale ? { locale: source.locale } : {}),
    caller: {
      id: source.user.id,
      name: source.user.globalName ?? source.user.username,
      // Asked fresh each time from what this interaction carries: admins can grant a moderator command
      // to anyone, so having been able to run it proves nothing.
      // A guest moderates nothing of the bot's: the server never installed it.
      isModerator: async () => !guest && isModerator(source.memberPermissions),
      isCommunityModerator: async () => !guest && isServerModerator(source.memberPermissions),
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
