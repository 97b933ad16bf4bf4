/**
 * Tab completion in the console chat: command names after "/", and profile names for the commands whose
 * argument is a name (`/prisoner`, `/share`: the options marked `autocomplete: "profile"`), from the same
 * suggestions Discord's autocomplete offers.
 */
import type { AnyCommand } from "../../src/core/command.ts";
import { CONSOLE_COMMANDS } from "./render-help.ts";

/** Names for what has been typed so far, best first (the catalog's `suggest`). */
export type SuggestNames = (typed: string, limit: number) => Promise<ReadonlyArray<{ label: string }>>;

/**
 * What Tab does with the line typed so far: replace `typed` (the end of the line) with the one completion,
 * or with the longer start all completions share; when there is nothing to add, show the choices (at the
 * first Tab, as zsh does), and the line stays as it was typed.
 */
export type Completion =
  | { kind: "complete"; completions: string[]; typed: string }
  | { kind: "show"; choices: string[] };

/** As many names as Discord offers in its autocomplete list. */
const NAME_SUGGESTIONS = 25;

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function sharedStart(words: readonly string[]): string {
  let start = words[0] ?? "";
  for (const word of words) while (!word.startsWith(start)) start = start.slice(0, -1);
  return start;
}

type Completable = Pick<AnyCommand, "name" | "options">;

export function createCompleter(commands: readonly Completable[], suggest: SuggestNames) {
  const names = [...commands.map((c) => c.name), ...CONSOLE_COMMANDS.map((c) => c.name)].sort();
  const takesName = new Set(
    commands.filter((c) => c.options.some((o) => o.autocomplete === "profile")).map((c) => c.name),
  );

  return async function complete(line: string): Promise<Completion> {
    const command = /^\/([\w-]*)$/.exec(line);
    if (command) {
      const typed = command[1]!.toLowerCase();
      const matches = names.filter((n) => n.startsWith(typed)).map((n) => `/${n}`);
      // One match: a space after it, ready for the argument, as a shell does.
      return choose(matches.length === 1 ? [`${matches[0]} `] : matches, line);
    }
    const argument = /^\/([\w-]+)\s+(.*)$/s.exec(line);
    if (!argument || !takesName.has(argument[1]!.toLowerCase())) return { kind: "show", choices: [] };
    const typed = argument[2]!;
    return choose([...new Set((await suggest(typed, NAME_SUGGESTIONS)).map((s) => s.label))], typed);
  };
}

/**
 * One completion replaces what was typed ("mamm" becomes "Ilgar Mammadov"). Several complete only as far
 * as they share a start that goes on from what was typed: "il" may become "Il" for "Ilgar …" and "Ilham …",
 * but "mamm" must not become "I", which would lose it.
 */
function choose(completions: string[], typed: string): Completion {
  if (completions.length === 1) return { kind: "complete", completions, typed };
  const shared = sharedStart(completions);
  const longer = shared.length > typed.length && fold(shared).startsWith(fold(typed));
  return longer ? { kind: "complete", completions, typed } : { kind: "show", choices: completions };
}
