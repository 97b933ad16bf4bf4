/**
 * Runs one step of the catalog benchmark in a process of its own, as an operator runs it, and measures
 * its wall time and peak resident memory (VmHWM from /proc, polled: the process's own high-water mark).
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface ChildRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

async function highWaterMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined; // gone already
  }
}

export async function runChild(args: string[], env: Record<string, string | undefined>): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, NO_COLOR: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let peak = 0;
  const poll = setInterval(async () => {
    const mb = child.pid === undefined ? undefined : await highWaterMb(child.pid);
    if (mb !== undefined) peak = Math.max(peak, mb);
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${args.join(" ")} exited with ${code}:\n${stderr}${stdout}`);
  // A step may report its own high-water mark, read just before it exits (the poll may miss the end).
  const reported = /"peakRssMb":\s*([\d.]+)/.exec(stdout)?.[1];
  const peakRssMb = Math.max(peak, reported === undefined ? 0 : Number(reported));
  return { seconds: (performance.now() - started) / 1000, peakRssMb, stdout, stderr };
}
