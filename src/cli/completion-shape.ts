/** What the completion scripts are generated from: each command's subcommands, options and operands. */
import type { Command } from "commander";

/** How a value is completed: file names, one of some words, or free text (nothing to offer). */
export type Values = "files" | "text" | "none" | { words: readonly string[] };

export interface CommandShape {
  /** "" for the program, "profiles takedown" for a subcommand. */
  path: string;
  subcommands: { name: string; summary: string }[];
  options: { flags: string[]; description: string; value?: Values }[];
  operands: Values;
}

function valuesOf(arg: { argChoices?: string[] | undefined; name?: () => string; flags?: string }): Values {
  if (arg.argChoices) return { words: arg.argChoices };
  const name = arg.flags ?? arg.name?.() ?? "";
  return /file/.test(name) ? "files" : "text";
}

/** Every command of the program, parents first, as the scripts need it. */
export function shapesOf(program: Command): CommandShape[] {
  const shapes: CommandShape[] = [];
  // The path is carried down: commander's implicit `help` command has no parent to read it from.
  const visit = (command: Command, path: string, parent?: Command) => {
    const help = command.createHelp();
    const subcommands = help.visibleCommands(command);
    const [first] = command.registeredArguments;
    const helpOf = parent && command.name() === "help" ? parent : undefined;
    shapes.push({
      path,
      subcommands: subcommands.map((c) => ({ name: c.name(), summary: c.summary() || c.description() })),
      options: help.visibleOptions(command).map((o) => ({
        flags: [o.short, o.long].filter((f): f is string => f !== undefined),
        description: o.description,
        ...(o.required || o.optional ? { value: valuesOf(o) } : {}),
      })),
      // `help <command>` takes the name of one of its siblings.
      operands: helpOf ? { words: helpOf.commands.map((c) => c.name()) } : first ? valuesOf(first) : "none",
    });
    for (const sub of subcommands) visit(sub, path === "" ? sub.name() : `${path} ${sub.name()}`, command);
  };
  visit(program, "");
  return shapes;
}

/** A word in single quotes, for bash and zsh alike. */
export function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** "files", "text", "none" or "words:a b": how the scripts pass a kind of value around. */
export function valuesWord(values: Values): string {
  return typeof values === "string" ? values : `words:${values.words.join(" ")}`;
}

/** `case` branches keyed by command path (or path|option), one per line. */
export function caseBranches(entries: [key: string, body: string][]): string {
  return entries.map(([key, body]) => `    ${quoted(key)}) ${body} ;;`).join("\n");
}

/** The option-value table both scripts share: how the value of each option that takes one completes. */
export function optionValueBranches(
  shapes: readonly CommandShape[],
  emit: (values: Values) => string,
): string {
  return caseBranches(
    shapes.flatMap((s) =>
      s.options.flatMap((o) =>
        o.value ? o.flags.map((flag): [string, string] => [`${s.path}|${flag}`, emit(o.value!)]) : [],
      ),
    ),
  );
}
