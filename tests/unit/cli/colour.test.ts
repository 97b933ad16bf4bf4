/**
 * Colour only on a terminal, never when NO_COLOR is set or the output is piped: help headings bold, the
 * error prefix red, a table's header bold. Run through runCommand with captured streams that say whether
 * they are a terminal, as a bot carrying out another terminal's command sees them.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { processIo } from "../../../src/cli/context.ts";
import { formatTable, writeList } from "../../../src/cli/list-output.ts";
import { noColorAsked } from "../../../src/cli/style.ts";
import { type CapturedIo, captureIo, runWithoutApp, settled } from "../../fakes/captured-io.ts";

const ESC = "\x1b[";

const run = (argv: string[], io: CapturedIo) => runWithoutApp(argv, io);

const terminal = () => captureIo("/tmp", true);
const terminalWithoutColour = () => captureIo("/tmp", true, { noColor: true });
const piped = () => captureIo("/tmp", false);

afterEach(() => vi.unstubAllEnvs());

describe("help", () => {
  it("has bold headings on a terminal", async () => {
    const { stdout } = await run(["deliver", "--help"], terminal());
    expect(stdout).toContain(`${ESC}1mUsage:${ESC}22m freetobehome deliver`);
    expect(stdout).toContain(`${ESC}1mOptions:${ESC}22m`);
    expect(stdout).toContain(`${ESC}1mExamples:${ESC}22m`);
  });

  it.each([
    ["NO_COLOR is set", terminalWithoutColour],
    ["the output is piped", piped],
  ])("has no escape codes at all when %s", async (_, io) => {
    const { stdout } = await run(["deliver", "--help"], io());
    expect(stdout).toMatch(/^Usage: freetobehome deliver/);
    expect(stdout).toContain("\nExamples:\n");
    expect(stdout).not.toContain("\x1b");
  });
});

describe("errors", () => {
  it("have a red prefix on a terminal", async () => {
    const { code, stderr } = await run(["profiles", "lst"], terminal());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\x1b\[31mfreetobehome:\x1b\[39m unknown command 'lst'\n/);
  });

  it.each([
    ["NO_COLOR is set", terminalWithoutColour],
    ["stderr is piped", piped],
  ])("are plain text when %s", async (_, io) => {
    const { stderr } = await run(["profiles", "lst"], io());
    expect(stderr).toMatch(/^freetobehome: unknown command 'lst'\n/);
    expect(stderr).not.toContain("\x1b");
  });
});

describe("tables", () => {
  const view = {
    columns: ["id", "name"],
    cells: (row: { id: string; name: string }) => [row.id, row.name],
    json: (row: { id: string; name: string }) => row,
    empty: "Nothing.",
  };
  const rows = [
    { id: "ilgar-mammadov", name: "İlqar Məmmədov" },
    { id: "x", name: "Ali" },
  ];

  it("have a bold header on a terminal, padded before it is styled so the columns stay aligned", async () => {
    const io = terminal();
    writeList(io, rows, view, false);
    await settled();
    expect(io.out()).toBe(
      `${ESC}1mid              name${ESC}22m\n` +
        "--------------  --------------\n" +
        "ilgar-mammadov  İlqar Məmmədov\n" +
        "x               Ali\n",
    );
  });

  it("are plain when NO_COLOR is set or piped, and --json is one document with no colour either way", async () => {
    for (const io of [terminalWithoutColour(), piped()]) {
      writeList(io, rows, view, false);
      await settled();
      expect(io.out()).toBe(formatTable(["id", "name"], rows.map(view.cells)));
      expect(io.out()).not.toContain("\x1b");
    }
    const io = terminal();
    writeList(io, rows, view, true);
    await settled();
    expect(JSON.parse(io.out())).toEqual(rows);
  });
});

describe("NO_COLOR", () => {
  it("counts when set to anything but the empty string, as https://no-color.org says; TERM=dumb too", () => {
    expect(noColorAsked({ NO_COLOR: "1" })).toBe(true);
    expect(noColorAsked({ NO_COLOR: "0" })).toBe(true);
    expect(noColorAsked({ NO_COLOR: "" })).toBe(false);
    expect(noColorAsked({})).toBe(false);
    expect(noColorAsked({ TERM: "dumb" })).toBe(true);
    expect(noColorAsked({ TERM: "xterm-256color" })).toBe(false);
  });

  it("is read from the environment of the terminal the command is typed in", () => {
    vi.stubEnv("NO_COLOR", "1");
    expect(processIo().noColor).toBe(true);
    vi.stubEnv("NO_COLOR", "");
    vi.stubEnv("TERM", "xterm");
    expect(processIo().noColor).toBe(false);
  });
});
