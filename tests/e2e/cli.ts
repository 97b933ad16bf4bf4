/** Runs the real command line (bin/freetobehome.js) as a child process, as an operator would. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/freetobehome.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a run gets: nothing of the developer's own settings leaks into it. */
function cleanEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env };
}

/** The CLI with its standard input left open, for tests that signal it or close its output part way. */
export function spawnCli(args: string[], options: { env?: Record<string, string> } = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const result = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => {
    result.stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    result.stderr += chunk;
  });
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...result }));
  });
  /** Resolves once standard output (so far) matches. */
  const waitForStdout = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve) => {
      const check = () => {
        const found = result.stdout.match(pattern);
        if (found) {
          child.stdout.off("data", check);
          resolve(found);
        }
      };
      child.stdout.on("data", check);
      check();
    });
  return { child, result, exited, waitForStdout };
}

interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  cwd?: string;
}

/** The command line; `bin` runs another copy of it (a built package) instead of the checkout's. */
export function runCli(args: string[], options: RunOptions & { bin?: string } = {}): Promise<CliResult> {
  return runProcess(process.execPath, [options.bin ?? BIN, ...args], options);
}

/** Any program, with the same clean environment, to completion. */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
