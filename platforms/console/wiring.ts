/**
 * The local console chat. On a terminal it is a small shell: line editing, history kept across runs, Tab
 * completion of commands and names, colours and text wrapped to the window. Reading a script or a pipe (or
 * another terminal's lines, carried by a running bot) it reads line by line and prints plain text, each
 * reply before the next line is read, so piped output keeps the order of the input.
 */
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { AnyCommand } from "../../src/core/command.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import { translatorFor } from "../../src/core/i18n/translator.ts";
import type { Reply } from "../../src/core/reply.ts";
import { type Completion, createCompleter, type SuggestNames } from "./wiring-complete.ts";
import { renderHelp } from "./render-help.ts";
import { HISTORY_SIZE, historySaver, loadHistory } from "./wiring-history.ts";
import { parseConsoleLine } from "./parse.ts";
import { type RenderOptions, renderReply } from "./render.ts";
import { colourStyle } from "./style.ts";

/** What the chat needs to be a shell on a terminal. */
export interface ConsoleTerminal {
  /** Colours: the caller decides (a terminal, and no NO_COLOR). */
  colour: boolean;
  /** Where the history is kept across runs. */
  historyFile: string;
  suggest: SuggestNames;
  /** Problems that must not stop the chat (a history file that cannot be written). */
  warn(message: string): void;
}

export interface ConsoleChatOptions {
  dispatch: Dispatch;
  /** The registry: /help's table and Tab completion. */
  commands: readonly AnyCommand[];
  input: Readable;
  output: Writable;
  /** A person is typing (a terminal, here or in another process): show a greeting and a prompt. */
  interactive: boolean;
  greeting?: string;
  /** Set when input and output are this process's terminal: line editing, history, completion, colours. */
  terminal?: ConsoleTerminal;
  /** Ends the chat as Ctrl-D does (a stop signal, a reader that went away). */
  stop?: Promise<unknown>;
  /** The chat's language until a reply says its own (the dispatcher's choice); absent: English. */
  language?: string;
}

/** The history's file in the data folder. */
export const CONSOLE_HISTORY_FILE = "console_history";

const PROMPT = "> ";

/** What a line that is not a command gets, in the language of the chat's latest reply. */
function notACommand(language: string | undefined): string {
  const examples = { help: "/help", today: "/today", prisoner: "/prisoner <name>" };
  return translatorFor(language).t("render.notACommand", examples);
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { output } = options;
  const lines = options.terminal ? shell(options, options.terminal) : plainLines(options);
  const render = (reply: Reply, command: string) => {
    const layout = lines.layout();
    return command === "help" ? renderHelp(reply, options.commands, layout) : renderReply(reply, layout);
  };
  let closed = false;
  lines.reader.once("close", () => {
    closed = true;
  });
  void options.stop?.then(() => lines.reader.close());
  if (options.interactive && options.greeting) output.write(`${options.greeting}\n`);
  lines.prompt();
  let quit = false;
  let language = options.language;
  for await (const line of lines.reader) {
    const parsed = parseConsoleLine(line);
    if (parsed.kind === "quit") {
      quit = true;
      break;
    }
    if (parsed.kind === "not-a-command") {
      output.write(`${notACommand(language)}\n`);
    } else if (parsed.kind === "command") {
      const reply = await options.dispatch(parsed.invocation);
      language = reply.language ?? language;
      output.write(`${render(reply, parsed.invocation.command)}\n`);
    }
    // A stop that came while the reply was being made ends the chat here, without a new prompt.
    if (!closed && (parsed.kind !== "empty" || options.interactive)) lines.prompt();
  }
  lines.reader.close();
  // Ended by Ctrl-D, Ctrl-C or a signal at the prompt: the shell's own prompt goes on a line of its own.
  if (options.terminal && !quit) output.write("\n");
}

interface LineSource {
  reader: Interface;
  prompt(): void;
  /** How replies are laid out now (a terminal may have been resized since the last one). */
  layout(): RenderOptions;
}

function plainLines(options: ConsoleChatOptions): LineSource {
  const reader = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  return {
    reader,
    prompt: () => {
      if (options.interactive) options.output.write(PROMPT);
    },
    layout: () => ({}),
  };
}

/** A terminal's size, when it tells (a pty without a size reports 0). */
function size(output: Writable): { width?: number; height?: number } {
  const { columns, rows } = output as Writable & { columns?: number; rows?: number };
  return {
    ...(columns && columns > 0 ? { width: columns } : {}),
    ...(rows && rows > 0 ? { height: rows } : {}),
  };
}

/** Reports the first problem only: one with the history file would repeat at every line typed. */
function once(warn: (message: string) => void): (message: string) => void {
  let warned = false;
  return (message) => {
    if (!warned) warn(message);
    warned = true;
  };
}

function shell(options: ConsoleChatOptions, terminal: ConsoleTerminal): LineSource {
  const complete = createCompleter(options.commands, terminal.suggest);
  const warn = once(terminal.warn);
  const style = terminal.colour ? colourStyle : undefined;
  const reader: Interface = createInterface({
    input: options.input,
    output: options.output,
    terminal: true,
    prompt: style ? style.command(PROMPT) : PROMPT,
    history: loadHistory(terminal.historyFile, warn),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string, callback: (err: Error | null, result: [string[], string]) => void) => {
      complete(line).then(
        (completion) => answer(completion, callback),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), [[], line]),
      );
    },
  });
  const answer = (completion: Completion, callback: (err: null, result: [string[], string]) => void) => {
    if (completion.kind === "complete") return callback(null, [completion.completions, completion.typed]);
    callback(null, [[], ""]);
    if (completion.choices.length === 0) return;
    // Shown below the line being typed, which is then drawn again as it was.
    options.output.write(`\n${completion.choices.join("  ")}\n`);
    reader.prompt(true);
  };
  reader.on("history", historySaver(terminal.historyFile, warn));
  // Ctrl-C drops what is typed, as in a shell; on an empty line it ends the chat, as it always has.
  reader.on("SIGINT", () => {
    if (reader.line === "") return reader.close();
    reader.write(null, { ctrl: true, name: "e" });
    reader.write(null, { ctrl: true, name: "u" });
  });
  return {
    reader,
    prompt: () => reader.prompt(),
    layout: () => ({ ...size(options.output), ...(style ? { style } : {}) }),
  };
}
