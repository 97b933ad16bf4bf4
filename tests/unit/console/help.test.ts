/** /help in the console: the bot's help with its commands as a table, each command once. */
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { renderHelp } from "../../../platforms/console/render-help.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { createTestBot } from "../commands/test-bot.ts";

let help: Reply;
beforeAll(async () => {
  help = await (await createTestBot()).say("/help");
});

describe("/help in the console", () => {
  it("lists every command in a table: the command, who may run it, what it does and how to type it", () => {
    const lines = renderHelp(help, commands).split("\n");
    const header = lines.findIndex((l) => /^Command +Who +What it does/.test(l));
    expect(header).toBeGreaterThan(-1);
    const whoAt = lines[header]!.indexOf("Who");
    const whatAt = lines[header]!.indexOf("What it does");
    for (const command of [
      ...commands,
      { name: "quit", moderatorOnly: false, description: "End the chat" },
    ]) {
      const row = lines.find((l) => l.startsWith(`/${command.name} `));
      expect(row, command.name).toBeDefined();
      expect(row!.slice(whoAt).startsWith(command.moderatorOnly ? "moderators" : "anyone")).toBe(true);
      expect(row!.slice(whatAt).startsWith(command.description)).toBe(true);
    }
    // How to type the ones that take arguments, each form on its own line under the description.
    for (const form of ["/prisoner <name>", "/schedule list", "/schedule cancel <number>"]) {
      expect(lines.some((l) => l.slice(whatAt) === form && l.slice(0, whatAt).trim() === "")).toBe(true);
    }
  });

  it("says each command once, and keeps what the help says before and after the list", () => {
    const out = renderHelp(help, commands);
    for (const command of commands) expect(out.split(command.description).length - 1).toBe(1);
    const text = help.kind === "text" ? help.text : "";
    expect(out.startsWith(text.split("\n")[0]!)).toBe(true);
    expect(out.endsWith(text.split("\n").at(-1)!)).toBe(true);
  });

  it("wraps the descriptions within the terminal's width", () => {
    for (const row of renderHelp(help, commands, { width: 60 }).split("\n")) {
      if (row.length > 60) expect(row).toMatch(/https?:\/\/\S+$/);
    }
  });
});

describe("/help in a Persian console", () => {
  it("replaces the Persian help's command lines by the table, with no English description left", async () => {
    const persian = await (await createTestBot(undefined, { language: "fa" })).say("/help");
    expect(persian.language).toBe("fa");
    const out = renderHelp(persian, commands);
    for (const command of commands) {
      expect(out, command.name).not.toContain(command.description);
      // Each command's row, and its Persian description once, in the table only (not the help's lines too).
      expect(out.split("\n").some((l) => l.startsWith(`/${command.name} `))).toBe(true);
    }
    const text = persian.kind === "text" ? persian.text : "";
    const described = text.split("\n").filter((l) => /^\S*\/[a-z]+/.test(l.replace(/^\u2068/, "")));
    expect(described.length).toBeGreaterThanOrEqual(commands.length);
    for (const line of described) expect(out).not.toContain(line);
    expect(out).toMatch(/^فرمان/m);
  });
});
