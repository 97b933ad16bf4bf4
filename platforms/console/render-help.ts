/**
 * `/help` in the console: the bot's own help, with its list of commands laid out as a table (command, who
 * may run it, what it does and how to type it), plus the chat's own /quit. The table is built from the
 * same registry the help text is built from, in the same words: each command's usage and description in
 * the reply's language (the `menu` catalog, as /help says them), so the lines it replaces are found in any
 * language. The table's own words are in the reply's language too.
 */
import type { AnyCommand } from "../../src/core/command.ts";
import { menuText } from "../../src/core/command-menu.ts";
import { type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { Reply } from "../../src/core/reply.ts";
import { layOut, type Line, type RenderOptions, renderReply } from "./render.ts";
import { table } from "./render-text-layout.ts";

/** What only the console chat understands; described in the reader's language by `consoleCommands`. */
export const CONSOLE_COMMANDS = [{ name: "quit", moderatorOnly: false, usage: "/quit" }] as const;

type Listed = Pick<AnyCommand, "name" | "moderatorOnly" | "description" | "usage">;

/** A registry command in `tr`'s language, as the reader's menus and /help show it. */
function listed(command: AnyCommand, tr: Translator): Listed {
  return {
    name: command.name,
    moderatorOnly: command.moderatorOnly,
    description: menuText(tr, { command }),
    usage: menuText(tr, { command }, "usage"),
  };
}

/** The line /help writes for a command (commands/help.ts): the help text lists each command this way. */
const helpLineOf = (c: Listed, tr: Translator) =>
  tr.t("menu.helpPage.line", { usage: c.usage, description: c.description });

/** The console's own commands as the table lists them, described in `tr`'s language. */
function consoleCommands(tr: Translator): Listed[] {
  return CONSOLE_COMMANDS.map((c) => ({
    ...c,
    description: tr.t("render.quitDescription", { exit: "/exit", keys: "Ctrl-D" }),
  }));
}

function commandTable(commands: readonly Listed[], width: number | undefined, tr: Translator): Line[] {
  const listed = [...commands, ...consoleCommands(tr)];
  const rows = listed.map((c) => [
    `/${c.name}`,
    tr.t(c.moderatorOnly ? "render.whoModerators" : "render.whoAnyone"),
    // A usage may hold several forms ("/schedule list · /schedule cancel <id>"): one line each, and none
    // when it is the bare command already in the first column.
    [c.description, ...c.usage.split(" · ").filter((form) => form !== `/${c.name}`)].join("\n"),
  ]);
  const headings = [tr.t("render.helpCommand"), tr.t("render.helpWho"), tr.t("render.helpWhat")];
  const [header, ...body] = table(headings, rows, width);
  const nameWidth = Math.max(...listed.map((c) => c.name.length + 1));
  return [
    { text: header!, look: "label", lead: header!.length },
    ...body.map((text): Line => {
      // A row that starts with a command begins an entry; of the rows that continue it, those that show
      // a command are its usage, the rest its wrapped description.
      if (text.startsWith("/")) return { text, look: "command", lead: nameWidth };
      return text.trimStart().startsWith("/") ? { text, look: "command", lead: text.length } : { text };
    }),
  ];
}

/**
 * The help reply with the command lines it lists replaced by the table. Should the help text stop listing
 * commands one per line, the table still comes, after the text.
 */
export function renderHelp(
  reply: Reply,
  registry: readonly AnyCommand[],
  options: RenderOptions = {},
): string {
  if (reply.kind !== "text" || reply.tone === "error") return renderReply(reply, options);
  const tr = translatorFor(reply.language);
  const commands = registry.map((c) => listed(c, tr));
  const listLines = new Set(commands.map((c) => helpLineOf(c, tr)));
  const text = reply.text.split("\n");
  const first = text.findIndex((l) => listLines.has(l));
  const before = first === -1 ? text : text.slice(0, first);
  const after = first === -1 ? [] : text.slice(first).filter((l) => !listLines.has(l));
  const plain = (lines: string[]): Line[] => lines.map((l) => ({ text: l }));
  return layOut([...plain(before), ...commandTable(commands, options.width, tr), ...plain(after)], options);
}
