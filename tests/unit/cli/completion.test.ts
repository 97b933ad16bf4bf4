/**
 * `freetobehome completion bash|zsh`: the script is printed without settings or the app, and completes
 * commands, subcommands, options, an option's choices and file names. The bash script runs in a real
 * bash; the zsh one in a real zsh (when installed) with the completion system's few functions recorded.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithoutApp } from "../../fakes/captured-io.ts";

let dir: string;
const scripts: Record<"bash" | "zsh", string> = { bash: "", zsh: "" };

const print = (shell: string) => runWithoutApp(["completion", shell]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-completion-"));
  writeFileSync(join(dir, "profiles.yaml"), "");
  writeFileSync(join(dir, "prisoner.json"), "");
  for (const shell of ["bash", "zsh"] as const) {
    const result = await print(shell);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    scripts[shell] = result.stdout;
    writeFileSync(join(dir, `completion.${shell}`), result.stdout);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `freetobehome <words><TAB>` offers, the last word being the one completed ("" for a new word). */
const CASES: [words: string[], offered: string][] = [
  [
    [""],
    "start console migrate import export profiles subscriptions campaigns deliveries report panel deliver register-commands slack-manifest languages completion help",
  ],
  [["pro"], "profiles"],
  [["profiles", ""], "list stale takedown restore help"],
  [["profiles", "t"], "takedown"],
  [["profiles", "list", "--"], "--json --help"],
  [["profiles", "takedown", "jane-doe", "--"], "--reason --help"],
  [["subscriptions", ""], "list help"],
  [["deliver", "--at", "2026-11-24T09:00Z", "--"], "--at --dry-run --help"],
  [["export", "--format", ""], "yaml json"],
  [["export", "--format", "j"], "json"],
  [["completion", ""], "bash zsh"],
  [["help", "d"], "deliver deliveries"],
  [["import", "pr"], "prisoner.json profiles.yaml"],
  [["export", "--out", "pri"], "prisoner.json"],
];

describe("bash", () => {
  it("is printed without settings or the app", () => {
    expect(scripts.bash).toContain("complete -F _freetobehome freetobehome");
  });

  it.each(CASES)("completes %j with: %s", (words, offered) => {
    const driver = `
      source ${JSON.stringify(join(dir, "completion.bash"))}
      COMP_WORDS=(freetobehome ${words.map((w) => JSON.stringify(w)).join(" ")})
      COMP_CWORD=${words.length}
      _freetobehome
      printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["--norc", "-c", driver], { cwd: dir, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").filter(Boolean).sort().join(" ")).toBe(
      offered.split(" ").sort().join(" "),
    );
  });
});

const hasZsh = spawnSync("zsh", ["--version"]).status === 0;

describe.skipIf(!hasZsh)("zsh", () => {
  it("registers itself when sourced, and is valid zsh", () => {
    const check = spawnSync("zsh", ["-n", join(dir, "completion.zsh")], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
    expect(scripts.zsh.split("\n")[0]).toBe("#compdef freetobehome");
  });

  it.each(CASES)("completes %j with: %s", (words, offered) => {
    // The completion system's functions, recorded: what the script asks zsh to offer.
    const driver = `
      compdef() { print -r -- "compdef $*" >&2; }
      _describe() { local -a items; items=("\${(@P)4}"); print -rl -- \${items%%:*}; }
      compadd() { shift; print -rl -- \${(P)1}; }
      _files() { print -rl -- *(N); }
      _message() { }
      source ${JSON.stringify(join(dir, "completion.zsh"))}
      words=(freetobehome ${words.map((w) => JSON.stringify(w)).join(" ")})
      CURRENT=${words.length + 1}
      _freetobehome`;
    const result = spawnSync("zsh", ["-f", "-c", driver], { cwd: dir, encoding: "utf8" });
    expect(result.stderr).toBe("compdef _freetobehome freetobehome\n");
    // zsh itself keeps what starts with the word typed; the script offers every candidate.
    const prefix = words.at(-1) ?? "";
    const offers = result.stdout.split("\n").filter((w) => w !== "" && w.startsWith(prefix));
    expect(offers.sort().join(" ")).toBe(offered.split(" ").sort().join(" "));
  });

  it("shows each command's summary", () => {
    expect(scripts.zsh).toContain(
      "'takedown:withhold a profile everywhere at once (search, rotation, posts); logged'",
    );
  });
});
