/**
 * The one rule for a database outage while delivering: it is logged once when it starts (the first call
 * that finds the server out of reach) and once when it ends (the first pass that gets an answer again),
 * not once per failed query, row or pass. Errors that are not about reaching the server are the caller's
 * to log as before. While an outage lasts the scheduler runs passes more often, so that what this process
 * was sending when the server went away goes out soon after it is back.
 */
import { databaseUnreachable } from "../core/database-unreachable.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Logger } from "../core/ports/logger.ts";

export interface OutageWatch {
  /** Whether the last word on the database was that it is out of reach. */
  readonly out: boolean;
  /**
   * A database call failed: true when `err` is the server being out of reach (the outage's start logged
   * if it is new), false for any other error, which the caller logs.
   */
  failed(err: unknown): boolean;
  /** A pass's first database call was answered: true when that ends an outage (logged once). */
  answered(): boolean;
}

export function createOutageWatch(logger: Logger, clock: Clock): OutageWatch {
  let since: Date | undefined;
  return {
    get out() {
      return since !== undefined;
    },
    failed(err) {
      const unreachable = databaseUnreachable(err);
      if (!unreachable) return false;
      if (since === undefined) {
        since = clock.now();
        logger.error(
          { reason: unreachable.reason, code: unreachable.code },
          "database outage started: delivery waits, and resumes the posts it holds when the database is back",
        );
      }
      return true;
    },
    answered() {
      if (since === undefined) return false;
      const downForMs = clock.now().getTime() - since.getTime();
      since = undefined;
      logger.warn({ downForMs }, "database outage ended: delivery resumes");
      return true;
    },
  };
}
