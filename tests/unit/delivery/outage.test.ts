/**
 * The outage rule on its own: however many calls fail while the database is out of reach, its start is
 * logged once and its end once; an error that is not about reaching the server is no outage.
 */
import { describe, expect, it } from "vitest";
import { createOutageWatch } from "../../../src/delivery/outage.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";

/** An error as drizzle throws it for a query whose connection the driver lost. */
const lost = (code: string) =>
  new Error("Failed query: update deliveries …", { cause: Object.assign(new Error("write"), { code }) });

describe("the database outage watch", () => {
  it("logs the start once for many failures, and the end once with how long it lasted", () => {
    const logger = createMemoryLogger();
    let now = Date.parse("2026-11-24T09:00:00Z");
    const watch = createOutageWatch(logger, { now: () => new Date(now) });

    expect(watch.answered()).toBe(false);
    expect(watch.out).toBe(false);
    for (const code of ["CONNECTION_CLOSED", "ECONNREFUSED", "ECONNREFUSED", "CONNECT_TIMEOUT", "57P01"]) {
      expect(watch.failed(lost(code))).toBe(true);
    }
    expect(watch.out).toBe(true);
    now += 45_000;
    expect(watch.answered()).toBe(true);
    expect(watch.answered()).toBe(false);
    expect(watch.out).toBe(false);

    expect(logger.records.map((r) => [r.level, r.message?.split(":")[0], r.fields])).toEqual([
      [
        "error",
        "database outage started",
        { code: "CONNECTION_CLOSED", reason: "the server closed the connection" },
      ],
      ["warn", "database outage ended", { downForMs: 45_000 }],
    ]);
  });

  it("leaves other errors to the caller: a bug, a constraint, the driver ended on purpose", () => {
    const logger = createMemoryLogger();
    const watch = createOutageWatch(logger, { now: () => new Date() });
    for (const error of [new Error("a bug"), lost("23505"), lost("CONNECTION_ENDED"), "a string"]) {
      expect(watch.failed(error)).toBe(false);
    }
    expect(watch.out).toBe(false);
    expect(logger.records).toEqual([]);
  });
});
