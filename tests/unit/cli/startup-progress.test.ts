/**
 * What opening the app shows: a status line per step on a terminal, erased once it is open; piped, one
 * summary line of what was done, and nothing at all when nothing was (an ordinary run).
 */
import { describe, expect, it } from "vitest";
import type { StartupStep } from "../../../src/app.ts";
import { startupProgress } from "../../../src/cli/startup-progress.ts";

const FIRST_START: StartupStep[] = [
  { step: "opening", database: "embedded", dataDir: "/srv/data", creating: true },
  { step: "migrating" },
  { step: "migrated", applied: 4 },
  { step: "loading-sample" },
  { step: "sample-loaded", campaigns: 1, profiles: 10 },
];

function open(steps: readonly StartupStep[], terminal: boolean) {
  let written = "";
  const summaries: string[] = [];
  let clock = 0;
  const stderr = { write: (text: string) => (written += text) };
  const progress = startupProgress(
    { stderr: stderr as never, tty: { stdin: terminal, stdout: terminal, stderr: terminal } },
    (line) => summaries.push(line),
    () => clock,
  );
  for (const step of steps) {
    progress.onProgress(step);
    clock += 1_500;
  }
  progress.done();
  return { written, summaries };
}

describe("opening the app on a terminal", () => {
  it("shows each step that takes time on one status line, and erases it", () => {
    const { written, summaries } = open(FIRST_START, true);
    const line = (text: string) => `\r${text}\x1b[K`;
    expect(written).toBe(
      line("Creating the embedded database in /srv/data (first start, a few seconds)...") +
        line("Applying database migrations...") +
        line("Loading the sample campaign...") +
        "\r\x1b[K",
    );
    expect(summaries).toEqual([]);
  });

  it("says it is connecting to a Postgres server, never with the URL", () => {
    const { written } = open([{ step: "opening", database: "server" }], true);
    expect(written).toBe("\rConnecting to the Postgres server (DATABASE_URL)...\x1b[K\r\x1b[K");
  });
});

describe("opening the app piped", () => {
  it("writes no status, and sums up a first start in one line", () => {
    const { written, summaries } = open(FIRST_START, false);
    expect(written).toBe("");
    expect(summaries).toEqual([
      "created the embedded database in /srv/data, applied 4 database migrations, loaded the sample campaign (10 profiles) in 7.5 s",
    ]);
  });

  it("sums up one migration applied to a server", () => {
    const { summaries } = open(
      [{ step: "opening", database: "server" }, { step: "migrating" }, { step: "migrated", applied: 1 }],
      false,
    );
    expect(summaries).toEqual(["applied 1 database migration in 4.5 s"]);
  });

  it("says nothing when there was nothing to do", () => {
    const { written, summaries } = open(
      [
        { step: "opening", database: "embedded", dataDir: "/srv/data", creating: false },
        { step: "migrating" },
        { step: "migrated", applied: 0 },
      ],
      false,
    );
    expect(written).toBe("");
    expect(summaries).toEqual([]);
  });
});
