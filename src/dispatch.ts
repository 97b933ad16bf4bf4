/**
 * The dispatcher: one boundary around every incoming command, whatever the platform. It finds the
 * command, refuses moderator commands to others before anything changes, reads and validates the
 * arguments, and turns every error into a reply: a UserError's own words, or, for a bug or an outage, a
 * generic apology while the details go to the log.
 */
import type { AnyCommand, CommandInvocation } from "./core/command.ts";
import { UserError } from "./core/errors.ts";
import type { Dispatch } from "./core/platform.ts";
import type { Logger } from "./core/ports/logger.ts";
import { type Reply, reply } from "./core/reply.ts";
import type { BotServices } from "./core/services.ts";

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
}

function readArguments(
  command: AnyCommand,
  invocation: CommandInvocation,
): { ok: true; args: unknown } | { ok: false; reply: Reply } {
  const raw = invocation.options ?? command.parseText(invocation.text ?? "");
  const parsed = command.args.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((i) => i.message))];
  return { ok: false, reply: reply.error(`${problems.join("\n")}\nUsage: ${command.usage}`) };
}

export function createDispatcher(options: DispatcherOptions): Dispatch {
  const byName = new Map(options.commands.map((c) => [c.name, c]));

  async function handle(
    invocation: CommandInvocation,
    command: AnyCommand | undefined,
  ): Promise<{ reply: Reply; outcome: CommandOutcome }> {
    if (!command) {
      return {
        reply: reply.error(`There is no /${invocation.command} command. /help lists the commands.`),
        outcome: "user_error",
      };
    }
    if (command.moderatorOnly && !(await invocation.caller.isModerator())) {
      return {
        reply: reply.error(`Only this community's moderators can use /${command.name}. Nothing was changed.`),
        outcome: "refused",
      };
    }
    const read = readArguments(command, invocation);
    if (!read.ok) return { reply: read.reply, outcome: "user_error" };
    return {
      reply: await command.run({ args: read.args, invocation, services: options.services }),
      outcome: "ok",
    };
  }

  return async (invocation) => {
    const started = performance.now();
    const command = byName.get(invocation.command.toLowerCase());
    let result: { reply: Reply; outcome: CommandOutcome };
    try {
      result = await handle(invocation, command);
    } catch (err) {
      if (err instanceof UserError) {
        result = { reply: reply.error(err.message), outcome: "user_error" };
      } else {
        options.logger.error(
          { err, command: invocation.command, platform: invocation.platform, channel: invocation.channel },
          "command failed",
        );
        result = {
          reply: reply.error("Something went wrong on our side; please try again later."),
          outcome: "failed",
        };
      }
    }
    options.onOutcome?.(
      command?.name,
      invocation.platform,
      result.outcome,
      (performance.now() - started) / 1000,
    );
    return result.reply;
  };
}
