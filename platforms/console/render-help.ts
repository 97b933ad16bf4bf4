/**
 * `/help` in the console: the bot's own help, with its list of commands laid out as a table (command, who
 * may run it, what it does and how to type it), plus the chat's own /quit. The table is built from the
 * same registry the help text is built from.
 */
import type { AnyCommand } from "../../src/core/command.ts";
import type { Reply } from "../../src/core/reply.ts";
import { layOut, type Line, type RenderOptions, renderReply } from "./render.ts";
import { table } from "./render-text-layout.ts";

/** What only the console chat understands. */
export const CONSOLE_COMMANDS = [
  { name: "quit", moderatorOnly: false, description: "End the chat (also /exit or Ctrl-D)", usage: "/quit" },
] as const;

type Listed = Pick<AnyCommand, "name" | "moderatorOnly" | "description" | "usage">;

/** The line /help writes for a command: the help text lists each command this way. */
const helpLineOf = (c: Listed) => `${c.usage}: ${c.description}`;

function commandTable(commands: readonly Listed[], width: number | undefined): Line[] {
  const listed = [...commands, ...CONSOLE_COMMANDS];
  const rows = listed.map((c) => [
    `/${c.name}`,
    c.moderatorOnly ? "moderators" : "anyone",
    // A usage may hold several forms ("/schedule list · /schedule cancel <id>"): one line each, and none
    // when it is the bare command already in the first column.
    [c.description, ...c.usage.split(" · ").filter((form) => form !== `/${c.name}`)].join("\n"),
  ]);
  const [header, ...body] = table(["Command", "Who", "What it does, and how to type it"], rows, width);
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
export function renderHelp(reply: Reply, commands: readonly Listed[], options: RenderOptions = {}): string {
  if (reply.kind !== "text" || reply.tone === "error") return renderReply(reply, options);
  const listLines = new Set(commands.map(helpLineOf));
  const text = reply.text.split("\n");
  const first = text.findIndex((l) => listLines.has(l));
  const before = first === -1 ? text : text.slice(0, first);
  const after = first === -1 ? [] : text.slice(first).filter((l) => !listLines.has(l));
  const plain = (lines: string[]): Line[] => lines.map((l) => ({ text: l }));
  return layOut([...plain(before), ...commandTable(commands, options.width), ...plain(after)], options);
}
