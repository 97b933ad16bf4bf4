/**
 * The status line: rewritten in place on a terminal, throttled, cleared before results; nothing at all
 * when stderr is a pipe, where only notes (a skipped file) are written.
 */
import { describe, expect, it } from "vitest";
import { createProgress } from "../../../src/cli/progress.ts";
import { recordingStream } from "../../fakes/recording-stream.ts";

describe("createProgress on a terminal", () => {
  it("rewrites one line in place and erases it at the end", () => {
    const { stream, now, tick } = recordingStream(true);
    const progress = createProgress(stream, { now, intervalMs: 100 });
    progress.status("1/3 read");
    tick(100);
    progress.status("2/3 read");
    progress.clear();
    expect(stream.written).toBe("\r1/3 read\x1b[K\r2/3 read\x1b[K\r\x1b[K");
  });

  it("drops updates closer together than the interval, unless forced", () => {
    const { stream, now, tick } = recordingStream(true);
    const progress = createProgress(stream, { now, intervalMs: 100 });
    progress.status("1");
    tick(50);
    progress.status("2");
    progress.status("writing", { force: true });
    tick(99);
    progress.status("3");
    expect(stream.written).toBe("\r1\x1b[K\rwriting\x1b[K");
  });

  it("writes a note on a line of its own and draws the status again below it", () => {
    const { stream, now } = recordingStream(true);
    const progress = createProgress(stream, { now });
    progress.note("skipped before any status");
    progress.status("1/2 read");
    progress.note("skipped pipe.yaml");
    expect(stream.written).toBe(
      "skipped before any status\n\r1/2 read\x1b[K\r\x1b[Kskipped pipe.yaml\n\r1/2 read\x1b[K",
    );
  });

  it("shortens a status wider than the terminal, which could not be rewritten once wrapped", () => {
    const { stream, now } = recordingStream(true, 10);
    createProgress(stream, { now }).status("Reading files: 120/800");
    expect(stream.written).toBe("\rReading …\x1b[K");
  });

  it("takes a terminal that reports no width as 80 columns", () => {
    const { stream, now } = recordingStream(true, 0);
    createProgress(stream, { now }).status("Reading files: 120/800 read, 4000 profile(s) checked");
    expect(stream.written).toBe("\rReading files: 120/800 read, 4000 profile(s) checked\x1b[K");
  });
});

describe("createProgress on a pipe", () => {
  it("writes no status and nothing to clear, only the notes", () => {
    const { stream, now } = recordingStream(false);
    const progress = createProgress(stream, { now });
    progress.status("1/3 read", { force: true });
    progress.note("skipped pipe.yaml");
    progress.clear();
    expect(stream.written).toBe("skipped pipe.yaml\n");
  });
});
