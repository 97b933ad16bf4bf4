/**
 * The local console chat: reads commands line by line (a terminal, or a script on standard input) and
 * prints each reply before reading the next, so piped output keeps the order of the input.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Dispatch } from "../../src/core/platform.ts";
import { parseConsoleLine } from "./parse.ts";
import { renderReply } from "./render.ts";

export interface ConsoleChatOptions {
  dispatch: Dispatch;
  input: Readable;
  output: Writable;
  /** A terminal: show a greeting and a prompt. */
  interactive: boolean;
  greeting?: string;
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { output } = options;
  const lines = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const prompt = () => {
    if (options.interactive) output.write("> ");
  };
  if (options.interactive && options.greeting) output.write(`${options.greeting}\n`);
  prompt();
  for await (const line of lines) {
    const parsed = parseConsoleLine(line);
    if (parsed.kind === "quit") break;
    if (parsed.kind === "not-a-command") {
      output.write('Commands start with "/": try /help, /today or /prisoner <name>.\n');
    } else if (parsed.kind === "command") {
      output.write(`${renderReply(await options.dispatch(parsed.invocation))}\n`);
    }
    if (parsed.kind !== "empty" || options.interactive) prompt();
  }
  lines.close();
}
