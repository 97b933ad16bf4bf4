/** The zsh completion script: the same tables as bash's, with each command's and option's summary. */
import {
  type CommandShape,
  caseBranches,
  optionValueBranches,
  quoted,
  valuesWord,
} from "./completion-shape.ts";

/** `reply=('name:summary' …)`: what `_describe` lists; a colon in a name would end it, so it is escaped. */
function describedList(entries: readonly { name: string; summary: string }[]): string {
  const items = entries.map((e) => quoted(`${e.name.replaceAll(":", "\\:")}:${e.summary}`));
  return `reply=(${items.join(" ")})`;
}

export function zshScript(shapes: readonly CommandShape[]): string {
  return `#compdef freetobehome
# zsh completion for freetobehome.
# In this shell:   source <(freetobehome completion zsh)
# In every shell:  freetobehome completion zsh > "\${fpath[1]}/_freetobehome"  (then start a new shell)

_freetobehome_subcommands() {
  reply=()
  case "$1" in
${caseBranches(shapes.filter((s) => s.subcommands.length > 0).map((s) => [s.path, describedList(s.subcommands)]))}
  esac
}

_freetobehome_options() {
  reply=()
  case "$1" in
${caseBranches(
  shapes.map((s) => [
    s.path,
    describedList(s.options.flatMap((o) => o.flags.map((flag) => ({ name: flag, summary: o.description })))),
  ]),
)}
  esac
}

# How the value of an option is completed, in REPLY; fails for an option that takes none.
_freetobehome_option_value() {
  case "$1|$2" in
${optionValueBranches(shapes, (values) => `REPLY=${quoted(valuesWord(values))}`)}
    *) return 1 ;;
  esac
}

_freetobehome_operands() {
  case "$1" in
${caseBranches(shapes.map((s) => [s.path, `REPLY=${quoted(valuesWord(s.operands))}`]))}
  esac
}

_freetobehome_values() {
  case "$1" in
    files) _files ;;
    words:*) local -a values=(\${=\${1#words:}}); compadd -a values ;;
    text) _message 'a value' ;;
  esac
}

_freetobehome() {
  local cmdpath="" word i REPLY
  local -a reply names
  # The command path so far; an option's value written apart is skipped with it.
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if [[ $word == -* ]]; then
      if [[ $word != *=* ]] && _freetobehome_option_value "$cmdpath" "$word"; then ((i++)); fi
    else
      _freetobehome_subcommands "$cmdpath"
      names=(\${reply%%:*})
      if ((\${names[(Ie)$word]})); then cmdpath="\${cmdpath:+$cmdpath }$word"; fi
    fi
  done
  if ((CURRENT > 2)) && [[ \${words[CURRENT-1]} == -* ]] && _freetobehome_option_value "$cmdpath" "\${words[CURRENT-1]}"; then
    _freetobehome_values "$REPLY"
  elif [[ \${words[CURRENT]} == -* ]]; then
    _freetobehome_options "$cmdpath"
    _describe -t options option reply
  else
    _freetobehome_subcommands "$cmdpath"
    if ((\${#reply})); then
      _describe -t commands command reply
    else
      _freetobehome_operands "$cmdpath"
      _freetobehome_values "$REPLY"
    fi
  fi
}

if [[ $funcstack[1] == _freetobehome ]]; then
  # Autoloaded from $fpath: called to complete.
  _freetobehome "$@"
else
  # Sourced: register the function.
  compdef _freetobehome freetobehome
fi
`;
}
