/**
 * Starts worker-process.ts as a child process and gives the test handles on it: its pid, its exit, its
 * PassReport, and SIGKILL. The test compiles the worker once (bundleWorker) and starts the compiled file
 * with plain node: twenty-odd starts through tsx cost about a second of CPU each.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { PassReport } from "../../../src/delivery/report.ts";
import { type BundledScript, bundleScript } from "../../support/bundle-script.ts";

const WORKER = fileURLToPath(new URL("./worker-process.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** worker-process.ts and what it imports, compiled into one file for spawnWorker. */
export const bundleWorker = (): Promise<BundledScript> => bundleScript(WORKER);

export function spawnWorker(input: { worker: BundledScript; at: string; env: Record<string, string> }) {
  const child = spawn(process.execPath, [input.worker.path, "--at", input.at], {
    cwd: ROOT,
    env: { ...process.env, ...input.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on("error", () => {}); // a killed worker's stdin is gone
  const exited: Promise<WorkerExit> = once(child, "exit").then(([code, signal]) => ({ code, signal }));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (stdout.startsWith("ready\n")) {
        child.stdout.off("data", check);
        resolve();
      }
    };
    child.stdout.on("data", check);
    exited.then(() => reject(new Error(`worker exited before it was ready:\n${stderr}`)));
  });
  ready.catch(() => {}); // only workers started with WAIT_FOR_GO are waited on

  return {
    pid: child.pid!,
    exited,
    /** With WAIT_FOR_GO=1: resolves once the worker is set up and waiting. */
    ready,
    go: () => child.stdin.end("go\n"),
    kill: () => child.kill("SIGKILL"),
    stderr: () => stderr,
    /** Waits for a clean exit and returns the pass's report. */
    async report(): Promise<PassReport> {
      const exit = await exited;
      if (exit.code !== 0) throw new Error(`worker ended with ${JSON.stringify(exit)}:\n${stderr}`);
      const line = stdout.trim().split("\n").at(-1) ?? "";
      return JSON.parse(line) as PassReport;
    },
  };
}
