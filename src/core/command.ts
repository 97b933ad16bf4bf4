/**
 * Commands: one definition each, on every platform. The definition says what the command takes (for slash
 * command registration, menus and the Slack manifest), how to read it from typed text, and what it does.
 */
import { z } from "zod";
import type { ChannelRef, CommunityRef, Platform } from "./channel.ts";
import type { Translator } from "./i18n/translator.ts";
import type { Reply } from "./reply.ts";
import type { BotServices } from "./services.ts";

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** The option takes a profile name; platforms with argument autocomplete offer names as you type. */
  autocomplete?: "profile";
  /**
   * "role": the option names one of the community's roles. Platforms with a role picker (Discord) offer
   * one and send the role's id; elsewhere it is typed text, read by the command. Absent: text.
   */
  kind?: "role";
}

export interface SubcommandDefinition {
  name: string;
  description: string;
  options: readonly CommandOption[];
}

/** A command as the caller sent it, before its arguments are read. */
export interface CommandInvocation {
  command: string;
  /** Everything typed after the command (console, Telegram, Slack). */
  text?: string;
  /** Arguments a platform already split (Discord); for a subcommand, `subcommand` names it. */
  options?: Record<string, string | undefined>;
  platform: Platform;
  channel: ChannelRef;
  community: CommunityRef;
  /**
   * A one-to-one chat with the bot (a Telegram private chat, a Discord or Slack direct message), where
   * replies say "this chat"; absent for a channel or group. Set by each platform's parse.
   */
  privateChat?: boolean;
  /**
   * The member's own language as the platform reports it (Discord `interaction.locale`, Telegram
   * `from.language_code`, Slack's user locale where known): a request of theirs is answered in it when
   * the bot speaks it (core/i18n/choose.ts).
   */
  locale?: string;
  /**
   * "button": a press on one of the bot's own choice buttons (Discord custom_id, Slack action, Telegram
   * callback_data) re-ran this command, set by each platform's parse. Absent: the command was typed. Only
   * presses are counted (src/core/press-count.ts); a typed command never is.
   */
  via?: "button";
  /**
   * The thread or topic the command was typed in, in the platform's id (a Telegram forum topic's
   * message_thread_id), set by the platform's parse: `/subscribe` there makes the topic the posts' home.
   */
  thread?: string;
  /**
   * Asked where the bot is not a member (a Discord user install used in a server without the bot, or in
   * a group DM): nothing there can be subscribed, so answers use the defaults and say so. Set by parse,
   * which also gives such a place a channel reference of its own that no subscription can have.
   */
  guest?: boolean;
  caller: {
    id: string;
    name?: string;
    /** Asked only by moderator commands: it may cost the adapter a platform call. */
    isModerator(): Promise<boolean>;
    /**
     * Whether the caller moderates the whole community, not only this channel (Discord: Manage Server,
     * where Manage Channels can be granted for one channel). Absent where the two are the same.
     */
    isCommunityModerator?(): Promise<boolean>;
  };
}

export interface CommandContext<Args> {
  args: Args;
  invocation: CommandInvocation;
  services: BotServices;
  /** The language of this reply: the member's where known and spoken, else the channel's (choose.ts). */
  tr: Translator;
}

export interface CommandDefinition<Args = unknown> {
  name: string;
  /** One line, at most 100 characters (Discord's limit for descriptions). */
  description: string;
  /** Shown by /help, e.g. "/prisoner <name>". */
  usage: string;
  moderatorOnly: boolean;
  options: readonly CommandOption[];
  subcommands?: readonly SubcommandDefinition[];
  /** Reads typed text into the shape `args` validates (the same shape a platform's split options have). */
  parseText(text: string): Record<string, string | undefined>;
  args: z.ZodType<Args>;
  run(ctx: CommandContext<Args>): Promise<Reply>;
}

/** Keeps a definition's argument type while the registry holds definitions of many types. */
/** What a command that takes nothing declares: no options, nothing read from text, an empty object. */
export const NO_ARGUMENTS = {
  options: [] as readonly CommandOption[],
  parseText: (): Record<string, string | undefined> => ({}),
  args: z.object({}),
};

/**
 * The arguments of a command about one prisoner, named or else today's family (/share, /act): one
 * optional name, autocompleted on platforms that offer it.
 */
export const OPTIONAL_NAME = {
  options: [
    {
      name: "name",
      description: "A prisoner's name (default: today's family)",
      required: false,
      autocomplete: "profile",
    },
  ] as readonly CommandOption[],
  parseText: (text: string): Record<string, string | undefined> => ({
    name: text.trim() === "" ? undefined : text.trim(),
  }),
  args: z.object({
    name: z.string().trim().min(1).max(200, { error: "commands.nameTooLong" }).optional(),
  }),
};

export function defineCommand<Args>(definition: CommandDefinition<Args>): CommandDefinition<Args> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of different argument types
export type AnyCommand = CommandDefinition<any>;
