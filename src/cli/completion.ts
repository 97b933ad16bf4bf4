/**
 * `freetobehome completion bash|zsh`: a completion script generated from the program's own definition
 * (program.ts), so a command or option added there completes without touching this file. It completes
 * commands and subcommands (with their summaries in zsh), options, an option's choices (--format yaml|json)
 * and file names where a command takes files.
 */
import type { Writable } from "node:stream";
import type { Command } from "commander";
import {
  type CommandShape,
  caseBranches,
  optionValueBranches,
  quoted,
  shapesOf,
  valuesWord,
} from "./completion-shape.ts";
import { zshScript } from "./completion-zsh.ts";

export function printCompletionScript(shell: "bash" | "zsh", program: Command, out: Writable): void {
  out.write(shell === "bash" ? bashScript(shapesOf(program)) : zshScript(shapesOf(program)));
}

function bashScript(shapes: readonly CommandShape[]): string {
  const words = (list: readonly string[]) => `echo ${quoted(list.join(" "))}`;
  return `# bash completion for freetobehome.
# In this shell:   source <(freetobehome completion bash)
# In every shell:  freetobehome completion bash > ~/.local/share/bash-completion/completions/freetobehome

_freetobehome_subcommands() {
  case "$1" in
${caseBranches(shapes.filter((s) => s.subcommands.length > 0).map((s) => [s.path, words(s.subcommands.map((c) => c.name))]))}
  esac
}

_freetobehome_options() {
  case "$1" in
${caseBranches(shapes.map((s) => [s.path, words(s.options.flatMap((o) => o.flags))]))}
  esac
}

# How the value of an option is completed; fails for an option that takes none.
_freetobehome_option_value() {
  case "$1|$2" in
${optionValueBranches(shapes, (values) => `echo ${quoted(valuesWord(values))}`)}
    *) return 1 ;;
  esac
}

_freetobehome_operands() {
  case "$1" in
${caseBranches(shapes.map((s) => [s.path, `echo ${quoted(valuesWord(s.operands))}`]))}
  esac
}

_freetobehome_reply() {
  case "$1" in
    files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$2") ;;
    words:*) mapfile -t COMPREPLY < <(compgen -W "\${1#words:}" -- "$2") ;;
    *) COMPREPLY=() ;;
  esac
}

_freetobehome() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmdpath="" word kind i
  # The command path so far; an option's value written apart is skipped with it.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ $word == -* ]]; then
      if [[ $word != *=* ]] && _freetobehome_option_value "$cmdpath" "$word" >/dev/null; then ((i++)); fi
    elif [[ " $(_freetobehome_subcommands "$cmdpath") " == *" $word "* ]]; then
      cmdpath="\${cmdpath:+$cmdpath }$word"
    fi
  done
  if ((COMP_CWORD > 1)) && [[ $prev == -* ]] && kind=$(_freetobehome_option_value "$cmdpath" "$prev"); then
    _freetobehome_reply "$kind" "$cur"
  elif [[ $cur == -* ]]; then
    _freetobehome_reply "words:$(_freetobehome_options "$cmdpath")" "$cur"
  elif [[ -n $(_freetobehome_subcommands "$cmdpath") ]]; then
    _freetobehome_reply "words:$(_freetobehome_subcommands "$cmdpath")" "$cur"
  else
    _freetobehome_reply "$(_freetobehome_operands "$cmdpath")" "$cur"
  fi
}

complete -F _freetobehome freetobehome
`;
}
