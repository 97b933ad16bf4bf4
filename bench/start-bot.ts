/**
 * Starts the bot as `npm start` does on a machine with no platform token (the console chat, `freetobehome
 * console`) on a data folder, and measures it as a person sees it: time until it answers `/today` (typed
 * at once, read when it is ready), and resident memory once it has sat idle. Then ends its input.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface BotStart {
  /** Seconds from spawn to the answer to `/today` (its "Status as of" line). */
  readySeconds: number;
  /** Resident memory after `idleMs` idle (VmRSS), and the high-water mark until then (VmHWM). */
  idleRssMb: number;
  peakRssMb: number;
  /** The progress lines it wrote to its error output on the way (first start: creating the database). */
  progress: string[];
}

async function statusMb(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

export async function startBot(bin: string, env: Record<string, string>, idleMs: number): Promise<BotStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "console"], {
    env: { ...process.env, ...env, HTTP_PORT: "0", NO_COLOR: "1" },
    // stdin stays open until the end: the console chat ends with its input.
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin.write("/today\n");
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  try {
    const readySeconds = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (/Status as of/.test(out)) resolve((performance.now() - started) / 1000);
      });
      void exited.then((code) =>
        reject(new Error(`console exited with ${code} before answering:\n${stderr}`)),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const pid = child.pid!;
    const idleRssMb = await statusMb(pid, "VmRSS");
    const peakRssMb = await statusMb(pid, "VmHWM");
    const progress = stderr.split("\n").filter((line) => line.trim() !== "");
    return { readySeconds, idleRssMb, peakRssMb, progress };
  } finally {
    child.stdin.end();
    const gone = setTimeout(() => child.kill("SIGTERM"), 5_000);
    await exited;
    clearTimeout(gone);
  }
}
