/**
 * `--load`: keeps every core busy for the whole run, so the "busy machine" figures can be repeated by anyone.
 * One child process per core spins a tight loop at normal priority: the benchmark's own process then gets
 * about the share of the machine a bot gets next to other busy services, and its event loop stalls the way
 * it does there. Children, not worker threads, so the load is another process's, as on a shared host.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";

export interface BusyLoad {
  /** How many spinning processes run. */
  processes: number;
  stop(): Promise<void>;
}

const SPIN = "for (;;) {}";

export function startBusyLoad(processes = availableParallelism()): BusyLoad {
  const children: ChildProcess[] = [];
  for (let i = 0; i < processes; i++)
    children.push(spawn(process.execPath, ["-e", SPIN], { stdio: "ignore" }));
  // If the benchmark dies without reaching stop(), the spinners must not outlive it.
  const killAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killAll);
  return {
    processes,
    async stop() {
      process.removeListener("exit", killAll);
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGKILL");
            }),
        ),
      );
    },
  };
}
