import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onStopSignal } from "../../../src/cli/shutdown.ts";
import type { Logger } from "../../../src/core/ports/logger.ts";

const logged: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (_fields, message) => logged.push(message ?? ""),
  child: () => logger,
};

beforeEach(() => {
  vi.useFakeTimers();
  logged.length = 0;
});
afterEach(() => vi.useRealTimers());

function setUp() {
  const source = new EventEmitter();
  const exits: number[] = [];
  const stop = onStopSignal({
    logger,
    deadlineMs: 10_000,
    source: source as never,
    exit: (code) => exits.push(code),
  });
  return { source, exits, stop };
}

describe("stop signals", () => {
  it("starts the graceful stop on the first signal and leaves the exit to it", async () => {
    const { source, exits, stop } = setUp();
    source.emit("SIGTERM", "SIGTERM");
    await expect(stop.stopped).resolves.toBe("SIGTERM");
    vi.advanceTimersByTime(9_999);
    expect(exits).toEqual([]);
  });

  it("exits anyway, saying why, when the stop hangs past the deadline (a database that stopped answering)", () => {
    const { source, exits } = setUp();
    source.emit("SIGTERM", "SIGTERM");
    vi.advanceTimersByTime(10_000);
    expect(exits).toEqual([1]);
    expect(logged).toEqual(["graceful stop: did not finish within 10 s, exiting anyway"]);
  });

  it("exits at once on a second signal", () => {
    const { source, exits } = setUp();
    source.emit("SIGINT", "SIGINT");
    source.emit("SIGINT", "SIGINT");
    expect(exits).toEqual([1]);
  });

  it("listens no more once disposed", () => {
    const { source, stop } = setUp();
    stop.dispose();
    expect(source.listenerCount("SIGTERM") + source.listenerCount("SIGINT")).toBe(0);
  });
});
