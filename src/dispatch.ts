/**
 * The dispatcher: one boundary around every incoming command, whatever the platform. It finds the
 * command, refuses moderator commands to others before anything changes, reads and validates the
 * arguments, and turns every error into a reply: a UserError's own words, or, for a bug or an outage, a
 * generic apology while the details go to the log.
 */
import type { AnyCommand, CommandInvocation } from "./core/command.ts";
import { menuText } from "./core/command-menu.ts";
import { UserError } from "./core/errors.ts";
import { replyLanguage } from "./core/i18n/choose.ts";
import { readSchemaMessage } from "./core/i18n/schema-message.ts";
import { type Translator, translatorFor } from "./core/i18n/translator.ts";
import type { Dispatch } from "./core/platform.ts";
import type { Logger } from "./core/ports/logger.ts";
import { type Reply, reply } from "./core/reply.ts";
import type { BotServices } from "./core/services.ts";
import type { PressRecorder } from "./services/press-count.ts";

/** How a command ended: the values of the command metrics' `outcome` label. */
export const COMMAND_OUTCOMES = ["ok", "refused", "user_error", "failed"] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

export interface DispatcherOptions {
  commands: readonly AnyCommand[];
  services: BotServices;
  logger: Logger;
  /**
   * Told the outcome and duration of every command (metrics). `command` is the registry's name for it,
   * undefined when no command has the name typed: what a user types never becomes a name here.
   */
  onOutcome?(command: string | undefined, platform: string, outcome: CommandOutcome, seconds: number): void;
  /** Counts a button press that ran a command to its end (services/press-count.ts); absent: none counted. */
  countPress?: PressRecorder;
}

/**
 * A command's argument schemas name their messages by catalog key, or by `schemaMessage(key, values)`
 * where the message needs the value typed, so they are said in the reader's language.
 */
function problemText(tr: Translator, issue: { message: string }): string {
  const text = readSchemaMessage(issue.message);
  return text ? tr.t(text.key, text.values) : issue.message;
}

function readArguments(
  command: AnyCommand,
  invocation: CommandInvocation,
  tr: Translator,
): { ok: true; args: unknown } | { ok: false; reply: Reply } {
  const raw = invocation.options ?? command.parseText(invocation.text ?? "");
  const parsed = command.args.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((i) => problemText(tr, i)))];
  const usage = tr.t("dispatch.usage", { usage: menuText(tr, { command }, "usage") });
  return { ok: false, reply: reply.error(`${problems.join("\n")}\n${usage}`) };
}

/** The reply's language: the member's where the platform tells it, else the channel's (core/i18n/choose.ts). */
async function translatorOf(services: BotServices, invocation: CommandInvocation): Promise<Translator> {
  const channelLanguage = await services.channelLanguages.get(invocation.channel);
  return translatorFor(
    replyLanguage({
      memberLocale: invocation.locale,
      channelLanguage,
      defaultLanguage: services.defaults.language,
    }),
  );
}

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const byName = new Map(options.commands.map((c) => [c.name, c]));

  async function handle(
    invocation: CommandInvocation,
    command: AnyCommand | undefined,
    tr: Translator,
  ): Promise<{ reply: Reply; outcome: CommandOutcome }> {
    if (!command) {
      return {
        reply: reply.error(tr.t("dispatch.unknownCommand", { command: invocation.command })),
        outcome: "user_error",
      };
    }
    if (command.moderatorOnly && !(await invocation.caller.isModerator())) {
      return {
        reply: reply.error(tr.t("dispatch.moderatorsOnly", { command: command.name })),
        outcome: "refused",
      };
    }
    const read = readArguments(command, invocation, tr);
    if (!read.ok) return { reply: read.reply, outcome: "user_error" };
    return {
      reply: await command.run({ args: read.args, invocation, services: options.services, tr }),
      outcome: "ok",
    };
  }

  return async (invocation) => {
    const started = performance.now();
    const command = byName.get(invocation.command.toLowerCase());
    let result: { reply: Reply; outcome: CommandOutcome };
    // English until the channel's language is known: a failure to read it is an outage, said in English.
    let tr = translatorFor("en");
    try {
      tr = await translatorOf(options.services, invocation);
      result = await handle(invocation, command, tr);
      if (command && result.outcome === "ok")
        await options.countPress?.(invocation, command.name, result.reply);
    } catch (err) {
      if (err instanceof UserError) {
        const text = err.text ? tr.t(err.text.key, err.text.values) : err.message;
        result = { reply: reply.error(text), outcome: "user_error" };
      } else {
        options.logger.error(
          { err, command: invocation.command, platform: invocation.platform, channel: invocation.channel },
          "command failed",
        );
        result = { reply: reply.error(tr.t("dispatch.failed")), outcome: "failed" };
      }
    }
    options.onOutcome?.(
      command?.name,
      invocation.platform,
      result.outcome,
      (performance.now() - started) / 1000,
    );
    return { ...result.reply, language: result.reply.language ?? tr.language.tag };
  };
}
