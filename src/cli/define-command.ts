/**
 * How a command is defined for commander (program.ts, program-catalog.ts): its help with examples, the
 * check for words it does not take, and the choice of what to run.
 */
import type { Command } from "commander";
import pc from "picocolors";
import type { CliContext } from "./context.ts";
import { quoteWords, UsageError } from "./usage.ts";

/** What a command line asks for: run by the caller once the settings are read (here or in the bot). */
export type Run = (ctx: CliContext) => Promise<number>;

export type Example = readonly [what: string, line: string];

/** Always styled: commander strips the colour again where there must be none (see parse.ts). */
const bold = pc.createColors(true).bold;

export function examples(list: readonly Example[]): string {
  return `\n${bold("Examples:")}\n${list.map(([what, line]) => `  # ${what}\n  ${line}\n`).join("")}`;
}

/** A command, with its help: `summary` in its parent's list, `description` and examples in its own. */
export function define(
  parent: Command,
  name: string,
  help: { summary: string; description?: string; examples: readonly Example[] },
): Command {
  return parent
    .command(name)
    .summary(help.summary)
    .description(help.description ?? help.summary)
    .addHelpText("after", examples(help.examples));
}

/** Words past what the command takes: an ignored word is usually a mistake the operator should see. */
export function extraWords(command: Command): string[] {
  const declared = command.registeredArguments;
  if (declared.at(-1)?.variadic) return [];
  return command.args.slice(declared.length);
}

/** Commander hands the command last; its options and arguments are read from it. */
export const commandOf = (params: unknown[]) => params.at(-1) as Command;

/** "profiles takedown": the words that name a command, without the program's name. */
export function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

export type Runs = (command: Command, run: (ctx: CliContext, command: Command) => Promise<number>) => Command;

/** `runs(command, run)`: picks `run` for the command once its words are checked. */
export function runner(select: (run: Run) => void): Runs {
  return (command, run) =>
    command.action((...params: unknown[]) => {
      const self = commandOf(params);
      const extra = extraWords(self);
      if (extra.length > 0) {
        const takes = self.registeredArguments.length === 0 ? "takes no arguments" : "takes one id";
        throw new UsageError(`${pathOf(self)} ${takes} (unexpected: ${quoteWords(extra)})`);
      }
      select((ctx) => run(ctx, self));
    });
}
