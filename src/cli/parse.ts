/**
 * Reads a command line with commander (chosen for its typed API, nested subcommands with their own help,
 * suggestions for mistyped commands and options, and no dependencies of its own). It runs the same way in
 * this process and in a running bot carrying out another terminal's command (control-server.ts), so it
 * never exits the process and never writes to process.stdout: everything goes to the command's own
 * streams, and every outcome comes back as a value or an error.
 */
import { Command, CommanderError, Help } from "commander";
import pc from "picocolors";
import { printCompletionScript } from "./completion.ts";
import type { CliIo } from "./context.ts";
import { pathOf, type Run } from "./define-command.ts";
import { defineCommands } from "./program.ts";
import { colorOn } from "./style.ts";
import { UsageError } from "./usage.ts";

/** Either what to run, or the exit code of a command line already answered (help, completion). */
export type Parsed = { run: Run } | { exit: number };

/** The program, configured to write to `io` and to throw instead of exiting; its commands inherit it. */
function rootFor(io: CliIo): Command {
  const width = (stream: unknown) => (stream as { columns?: number }).columns || 80;
  const bold = pc.createColors(true).bold;
  return new Command("freetobehome")
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Errors become a UsageError, reported with everything else by reportFailure.
      outputError: () => {},
      getOutHelpWidth: () => width(io.stdout),
      getErrHelpWidth: () => width(io.stderr),
      getOutHasColors: () => colorOn(io, "stdout"),
      getErrHasColors: () => colorOn(io, "stderr"),
    })
    .configureHelp({
      styleTitle: (title) => bold(title),
      // "profiles list|stale|takedown|restore": every command is found from the program's own help.
      subcommandTerm: (command) =>
        command.commands.length > 0
          ? `${command.name()} ${command.commands.map((c) => c.name()).join("|")}`
          : new Help().subcommandTerm(command),
    });
}

/** The program as defined, for what reads its shape only (the completion scripts, tests). */
export function programShape(): Command {
  return defineCommands(new Command("freetobehome"), { argv: [], select() {}, printCompletion() {} });
}

export function parseCommandLine(argv: readonly string[], io: CliIo): Parsed {
  let selected: Run | undefined;
  const program = defineCommands(rootFor(io), {
    argv,
    select: (run) => {
      selected = run;
    },
    printCompletion: (shell, root) => printCompletionScript(shell, root, io.stdout),
  });
  const usage = () => usageHint(commandAt(program, argv));
  try {
    program.parse([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return { exit: 0 };
      // `help <command>` (exit code 0), or a command that needs a subcommand given none (its help went
      // to stderr, and it is a usage error).
      if (err.code === "commander.help") return { exit: err.exitCode === 0 ? 0 : 2 };
      throw new UsageError(err.message.replace(/^error: /, ""), { usage: usage() });
    }
    if (err instanceof UsageError) err.usage ??= usage();
    throw err;
  }
  const run = selected;
  if (!run) return { exit: 0 }; // Answered while parsing (completion).
  return {
    run: async (ctx) => {
      try {
        return await run(ctx);
      } catch (err) {
        // A refusal found once the command runs (deliver's --at) points to the same help.
        if (err instanceof UsageError) err.usage ??= usage();
        throw err;
      }
    },
  };
}

/** The deepest command the words name: the one whose help a usage error points to. */
function commandAt(program: Command, argv: readonly string[]): Command {
  let command = program;
  for (const word of argv) {
    if (word.startsWith("-")) continue;
    const sub = command.commands.find((c) => c.name() === word);
    if (!sub) break;
    command = sub;
  }
  return command;
}

function usageHint(command: Command): string {
  const path = ["freetobehome", pathOf(command)].filter(Boolean).join(" ");
  const usage = command.createHelp().commandUsage(command);
  return `Usage: ${usage}\nSee \`${path} --help\` for what it takes, with examples.\n`;
}
