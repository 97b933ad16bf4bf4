/**
 * The console chat on a terminal, driven key by key through a fake TTY: Tab completes commands and names
 * (the catalog's suggestions), the history survives to the next run in a file only its owner can read,
 * Ctrl-C drops a typed line, and colours follow the terminal's settings.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { runConsoleChat } from "../../../platforms/console/index.ts";
import { createTestBot, type TestBot } from "../commands/test-bot.ts";
import { fakeTerminal, KEY } from "./fake-terminal.ts";

const SGR = /\u001b\[[0-9;]*m/;

let bot: TestBot;
let dir: string;
beforeAll(async () => {
  bot = await createTestBot();
  dir = mkdtempSync(join(tmpdir(), "ftbh-console-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(historyFile: string, options: { colour?: boolean; warnings?: string[] } = {}) {
  const screen = fakeTerminal();
  const ended = runConsoleChat({
    dispatch: bot.dispatch,
    commands,
    input: screen.input,
    output: screen.output,
    interactive: true,
    greeting: "Hello.",
    terminal: {
      colour: options.colour ?? false,
      historyFile,
      suggest: (typed, limit) => bot.services.catalog.suggest(typed, limit),
      warn: (message) => options.warnings?.push(message),
    },
  });
  return { screen, ended };
}

describe("the console chat on a terminal", () => {
  it("completes command names and prisoners' names with Tab, then runs the line", async () => {
    const { screen, ended } = open(join(dir, "tab-history"));
    await screen.until(/> $/);
    let at = screen.mark();
    screen.type(`/pri${KEY.tab}`);
    await screen.until(/\/prisoner $/, at);
    at = screen.mark();
    screen.type(`mamm${KEY.tab}`);
    await screen.until(/\/prisoner Ilgar Mammadov$/, at);
    at = screen.mark();
    screen.type(KEY.enter);
    const card = await screen.until(/Share this story: \/share ilgar-mammadov\n> $/, at);
    expect(card).toMatch(/^\nIlgar Mammadov · Azerbaijan/);

    // Two people whose names begin alike: both shown, and what was typed is kept.
    at = screen.mark();
    screen.type(`/share moh${KEY.tab}`);
    const shown = await screen.until(/\n> \/share moh$/, at);
    expect(shown).toContain("\nOmar Mohamed Ali  Narges Mohammadi\n");
    at = screen.mark();
    screen.type(` narg${KEY.tab}`);
    await screen.until(/\/share Narges Mohammadi$/, at);

    // Ctrl-C drops the typed line; on an empty line it ends the chat.
    screen.type(KEY.ctrlC);
    screen.type(KEY.ctrlC);
    await ended;
    expect(screen.text()).not.toMatch(/Share:\n/);
  });

  it("lists every command for a lone slash, and completes /sub to /subscribe", async () => {
    const { screen, ended } = open(join(dir, "list-history"));
    await screen.until(/> $/);
    let at = screen.mark();
    screen.type(`/${KEY.tab}`);
    const listed = await screen.until(/\/unsubscribe/, at);
    for (const name of ["/prisoner", "/today", "/share", "/schedule", "/help", "/quit"])
      expect(listed).toContain(name);
    at = screen.mark();
    screen.type(`${KEY.ctrlC}/sub${KEY.tab}`);
    await screen.until(/\/subscribe $/, at);
    screen.type(`${KEY.ctrlC}/quit${KEY.enter}`);
    await ended;
  });

  it("keeps the history across runs, owner-only, and brings back an earlier line with the up arrow", async () => {
    const file = join(dir, "data", "console_history");
    const first = open(file);
    await first.screen.until(/> $/);
    first.screen.type(`/prisoner Sentsov${KEY.enter}`);
    await first.screen.until(/Oleg Sentsov ·/);
    first.screen.type(`/today${KEY.enter}`);
    await first.screen.until(/\/today\n[\s\S]*> $/);
    first.screen.type(KEY.ctrlD);
    await first.ended;
    expect(readFileSync(file, "utf8")).toBe("/prisoner Sentsov\n/today\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = open(file);
    await second.screen.until(/> $/);
    const at = second.screen.mark();
    second.screen.type(`${KEY.up}${KEY.up}`);
    await second.screen.until(/> \/prisoner Sentsov$/, at);
    second.screen.type(KEY.enter);
    await second.screen.until(/Oleg Sentsov ·[\s\S]*> $/, at);
    second.screen.type(`/quit${KEY.enter}`);
    await second.ended;
    expect(readFileSync(file, "utf8")).toBe("/today\n/prisoner Sentsov\n/quit\n");
  });

  it("colours replies only when asked, and wraps them to the terminal's width", async () => {
    for (const colour of [false, true]) {
      const { screen, ended } = open(join(dir, `colour-${colour}`), { colour });
      await screen.until(/> /);
      screen.type(`/prisoner Mammadov${KEY.enter}`);
      await screen.until(/Share this story[\s\S]*> $/);
      screen.type(`/quit${KEY.enter}`);
      await ended;
      expect(SGR.test(screen.raw())).toBe(colour);
      const rows = screen.text().split("\n");
      expect(rows.filter((r) => r.length > 80 && !/https?:\/\//.test(r))).toEqual([]);
    }
  });

  it("reports a history it cannot save once, and goes on", async () => {
    const warnings: string[] = [];
    const blocker = join(dir, "not-a-folder");
    rmSync(blocker, { force: true });
    writeFileSync(blocker, "a file where a folder should be");
    const { screen, ended } = open(join(blocker, "console_history"), { warnings });
    await screen.until(/> $/);
    screen.type(`/today${KEY.enter}`);
    await screen.until(/\/today\n[\s\S]*> $/);
    screen.type(`/today${KEY.enter}/quit${KEY.enter}`);
    await ended;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not (read|save) the chat history .*not-a-folder/);
  });
});

describe("the console chat reading a pipe", () => {
  it("prints plain text, and /help as a table", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    input.end("/today\n/help\n");
    await runConsoleChat({ dispatch: bot.dispatch, commands, input, output, interactive: false });
    expect(text).not.toMatch(SGR);
    expect(text).toMatch(/^Command +Who +What it does/m);
  });
});
