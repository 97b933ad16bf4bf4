/**
 * Opening the app, as a command shows it: on a terminal a status line per step (creating the embedded
 * database takes seconds on first start, then migrating, then loading the sample); piped, one summary
 * line once it is open, and only when there was something to say (a database created, migrations
 * applied, the sample loaded): an ordinary run says nothing.
 */
import type { StartupStep } from "../app.ts";
import type { CliIo } from "./context.ts";
import { stderrProgress } from "./progress.ts";

export interface StartupProgress {
  onProgress(step: StartupStep): void;
  /** Clears the status line; piped, hands the summary (if any) to `summary`. */
  done(): void;
}

function statusOf(step: StartupStep): string | undefined {
  switch (step.step) {
    case "opening":
      if (step.database === "server") return "Connecting to the Postgres server (DATABASE_URL)...";
      return step.creating
        ? `Creating the embedded database in ${step.dataDir} (first start, a few seconds)...`
        : `Opening the embedded database in ${step.dataDir}...`;
    case "migrating":
      return "Applying database migrations...";
    case "loading-sample":
      return "Loading the sample campaign...";
    default:
      return undefined;
  }
}

export function startupProgress(
  io: Pick<CliIo, "stderr" | "tty">,
  summary: (line: string) => void,
  now: () => number = () => performance.now(),
): StartupProgress {
  const progress = stderrProgress(io);
  const started = now();
  const done: string[] = [];
  return {
    onProgress(step) {
      const status = statusOf(step);
      if (status) progress.status(status, { force: true });
      if (step.step === "opening" && step.database === "embedded" && step.creating)
        done.push(`created the embedded database in ${step.dataDir}`);
      if (step.step === "migrated" && step.applied > 0)
        done.push(`applied ${step.applied} database migration${step.applied === 1 ? "" : "s"}`);
      if (step.step === "sample-loaded")
        done.push(`loaded the sample campaign (${step.profiles} profile${step.profiles === 1 ? "" : "s"})`);
    },
    done() {
      progress.clear();
      if (io.tty.stderr || done.length === 0) return;
      const seconds = ((now() - started) / 1000).toFixed(1);
      summary(`${done.join(", ")} in ${seconds} s`);
    },
  };
}
