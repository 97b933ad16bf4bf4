/**
 * The command line as main.ts and a running bot read it (runCommand, then reportFailure), in this process
 * with captured streams: every command and subcommand has its own help with examples; a mistyped command
 * or option is named with the nearest one; exit codes are 0 for help, 2 for usage; nothing of it opens
 * the app, exits the process or writes to the process's own stdout (a bot runs the same parser for
 * another terminal).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseCommandLine } from "../../../src/cli/parse.ts";
import { captureIo, runWithoutApp as run, settled } from "../../fakes/captured-io.ts";
import { PROPERTY_NAMES } from "../commands/property-names.ts";

/** Every command a person can run, as typed after `freetobehome`. */
const COMMANDS = [
  "start",
  "console",
  "migrate",
  "import",
  "export",
  "profiles list",
  "profiles stale",
  "profiles takedown",
  "profiles restore",
  "subscriptions list",
  "deliver",
  "register-commands",
  "slack-manifest",
  "completion",
];

afterEach(() => vi.restoreAllMocks());

describe("help", () => {
  it.each(COMMANDS)("`%s --help` prints its own usage, options and examples (exit 0)", async (command) => {
    const result = await run([...command.split(" "), "--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(new RegExp(`^Usage: freetobehome ${command}\\b`));
    expect(result.stdout).toContain("-h, --help");
    expect(result.stdout).toMatch(new RegExp(`\\nExamples:\\n  # .+\\n  .*freetobehome ${command}`));
  });

  it("lists every command and subcommand in the program's help, with where settings come from", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(`\n  ${command.split(" ")[0]}`);
    expect(result.stdout).toContain("profiles list|stale|takedown|restore");
    expect(result.stdout).toContain("subscriptions list");
    expect(result.stdout).toContain("Exit codes: 0 done, 1 refused input or a failure, 2 usage or settings.");
  });

  it("answers `help <command>` like `<command> --help`", async () => {
    const viaHelp = await run(["profiles", "help", "takedown"]);
    expect(viaHelp).toEqual(await run(["profiles", "takedown", "--help"]));
    expect((await run(["help", "deliver"])).stdout).toBe((await run(["deliver", "--help"])).stdout);
  });

  it("prints the help on stderr with exit 2 when no command is given", async () => {
    // As main.ts reads a bare `freetobehome`.
    const io = captureIo("/tmp");
    expect(parseCommandLine([], io)).toEqual({ exit: 2 });
    await settled();
    expect(io.out()).toBe("");
    expect(io.err()).toMatch(/^Usage: freetobehome <command> \[options\]\n/);
    for (const argv of [["profiles"], ["subscriptions"]]) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^Usage: freetobehome ${argv[0]} `));
    }
  });
});

describe("mistakes", () => {
  it.each([
    [["delivr"], "unknown command 'delivr'", "(Did you mean deliver?)", "Usage: freetobehome <command>"],
    [["profiles", "lst"], "unknown command 'lst'", "(Did you mean list?)", "Usage: freetobehome profiles"],
    [
      ["subscriptions", "lists"],
      "unknown command 'lists'",
      "(Did you mean list?)",
      "Usage: freetobehome subscriptions",
    ],
    [
      ["deliver", "--dry-rn"],
      "unknown option '--dry-rn'",
      "(Did you mean --dry-run?)",
      "Usage: freetobehome deliver",
    ],
    [
      ["export", "--fromat", "json"],
      "unknown option '--fromat'",
      "(Did you mean --format?)",
      "Usage: freetobehome export",
    ],
    [
      ["profiles", "list", "--jsn"],
      "unknown option '--jsn'",
      "(Did you mean --json?)",
      "Usage: freetobehome profiles list",
    ],
  ])("%j names the mistake and the nearest command or option (exit 2)", async (argv, error, hint, usage) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      new RegExp(`^${escapeRegExp(`freetobehome: ${error}\n${hint}\n\n${usage}`)}`),
    );
    expect(result.stderr).toMatch(/\nSee `freetobehome[^`]*--help` for what it takes, with examples\.\n$/);
  });

  it.each([
    [
      ["export", "--format", "xml"],
      "option '--format <format>' argument 'xml' is invalid. Allowed choices are yaml, json.",
    ],
    [
      ["completion", "fish"],
      "command-argument value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh.",
    ],
    [["deliver", "--at"], "option '--at <instant>' argument missing"],
    [["profiles", "restore"], "missing required argument 'id'"],
    [["import"], "missing required argument 'file-or-folder'"],
    [["register-commands", "now"], 'register-commands takes no arguments (unexpected: "now")'],
    [["profiles", "takedown", "x"], "profiles takedown needs --reason <text>: the audit log keeps why"],
    [
      ["profiles", "takedown", "x", "--reason", "  "],
      "profiles takedown needs --reason <text>: the audit log keeps why",
    ],
    [
      ["slack-manifest", "--url", "http://x"],
      '--url must be the bot\'s public https URL, such as https://bot.example.org (got "http://x")',
    ],
  ])("%j is a usage error saying what is allowed (exit 2)", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^freetobehome: ${escapeRegExp(message)}\\n\\nUsage: freetobehome `),
    );
  });

  it.each(PROPERTY_NAMES)(
    "takes %s as an unknown command or option, not a property every object has",
    async (name) => {
      const asCommand = await run([name]);
      expect(asCommand.code).toBe(2);
      expect(asCommand.stderr).toContain(`freetobehome: unknown command '${name}'\n`);
      for (const argv of [
        ["migrate", `--${name}`],
        ["profiles", "list", `--${name}=x`],
        ["profiles", name],
      ]) {
        const result = await run(argv);
        expect(result.code, argv.join(" ")).toBe(2);
        expect(result.stderr, argv.join(" ")).toMatch(
          new RegExp(`^freetobehome: unknown (option '--|command ')${name}`),
        );
      }
    },
  );
});

it("never exits the process or writes to its stdout, whatever it is given", async () => {
  const exit = vi.spyOn(process, "exit").mockImplementation(() => {
    throw new Error("process.exit called");
  });
  const stdout = vi.spyOn(process.stdout, "write");
  const stderr = vi.spyOn(process.stderr, "write");
  for (const argv of [
    [],
    ["--help"],
    ["help"],
    ["-h"],
    ["deliver", "--help"],
    ["nope"],
    ["profiles"],
    ["completion", "bash"],
    ["deliver", "--at"],
  ]) {
    await run(argv);
  }
  expect(exit).not.toHaveBeenCalled();
  expect(stdout).not.toHaveBeenCalled();
  expect(stderr).not.toHaveBeenCalled();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
