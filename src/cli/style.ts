/**
 * Colour on the command line: only on a terminal, and never when the person asked for none (NO_COLOR,
 * https://no-color.org, or TERM=dumb). Decided per stream, from the command's own streams (a command a
 * running bot carries out writes to another terminal's), so a pipe or a file never gets escape codes.
 */
import pc from "picocolors";
import type { CliIo } from "./context.ts";

export type Style = ReturnType<typeof pc.createColors>;

/** Whether the environment asks for no colour: NO_COLOR set to anything but "", or a dumb terminal. */
export function noColorAsked(env: Readonly<Record<string, string | undefined>>): boolean {
  return (env.NO_COLOR !== undefined && env.NO_COLOR !== "") || env.TERM === "dumb";
}

export function colorOn(io: Pick<CliIo, "tty" | "noColor">, stream: "stdout" | "stderr"): boolean {
  return io.tty[stream] && io.noColor !== true;
}

/** Formatters that colour on `stream` when colour is on there, and return the text as it is otherwise. */
export function styleFor(io: Pick<CliIo, "tty" | "noColor">, stream: "stdout" | "stderr"): Style {
  return pc.createColors(colorOn(io, stream));
}

/** The prefix of every line the command line writes about itself: red on a terminal when it is an error. */
export function errorPrefix(io: Pick<CliIo, "tty" | "noColor">): string {
  return `${styleFor(io, "stderr").red("freetobehome:")} `;
}
