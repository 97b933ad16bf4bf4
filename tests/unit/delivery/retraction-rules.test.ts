/**
 * The retraction rules (src/core/retraction.ts): delete or edit by the post's age and the platform's
 * limit; what each platform answer becomes in the ledger; the delete-then-edit fallback; and the step of a
 * pass that runs the jobs (src/delivery/retract.ts), paced, each attempt recorded.
 */
import { pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import type { Pacer } from "../../../src/delivery/pacer.ts";
import { describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import type { MessageRef, PlatformAdapter } from "../../../src/core/platform.ts";
import {
  MAX_RETRACT_ATTEMPTS,
  type RetractionJob,
  type RetractionLedger,
  type RetractionOutcome,
  type RetractMode,
  type RetractResult,
  retractFailureOf,
  retractionOutcome,
  retractModeFor,
  retractOnce,
} from "../../../src/core/retraction.ts";
import { createOutageWatch } from "../../../src/delivery/outage.ts";
import type { PassLine } from "../../../src/delivery/report.ts";
import { runRetractions } from "../../../src/delivery/retract.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";

const HOUR = 3_600_000;
const NOW = new Date("2026-11-24T12:00:00Z");
const job: RetractionJob = {
  deliveryId: 7,
  channel: channelRef("telegram:-1001"),
  localDate: "2026-11-24",
  platform: "telegram",
  ref: { channelId: "-1001", messageId: "42" },
  sentAt: new Date(NOW.getTime() - HOUR),
  attempts: 1,
};

describe("retractModeFor", () => {
  it("deletes at any age where the platform has no limit", () => {
    expect(retractModeFor(new Date(0), NOW, undefined)).toBe("delete");
  });
  it("edits once the platform's delete limit has passed (Telegram: 48 hours)", () => {
    const limit = 48 * HOUR;
    expect(retractModeFor(new Date(NOW.getTime() - 47 * HOUR), NOW, limit)).toBe("delete");
    expect(retractModeFor(new Date(NOW.getTime() - 48 * HOUR), NOW, limit)).toBe("edit");
  });
});

describe("retractionOutcome", () => {
  it("settles a delete, an edit and a message already gone", () => {
    expect(retractionOutcome({ kind: "deleted" }, 1, NOW).state).toBe("deleted");
    expect(retractionOutcome({ kind: "edited" }, 1, NOW).state).toBe("edited");
    expect(retractionOutcome({ kind: "gone", reason: "10008" }, 1, NOW).state).toBe("gone");
  });
  it("records a dead channel or a missing permission as failed, never retried", () => {
    expect(retractionOutcome({ kind: "permanent", reason: "50013 Missing Permissions" }, 1, NOW)).toEqual({
      state: "failed",
      detail: "50013 Missing Permissions",
    });
  });
  it("retries a transient failure later, no sooner than the platform asked, and gives up in the end", () => {
    const later = retractionOutcome({ kind: "transient", reason: "429", retryAfterMs: 120_000 }, 1, NOW);
    expect(later).toMatchObject({ state: "pending", nextAttemptAt: new Date(NOW.getTime() + 120_000) });
    const backoff = retractionOutcome({ kind: "transient", reason: "502" }, 3, NOW) as Extract<
      RetractionOutcome,
      { state: "pending" }
    >;
    expect(backoff.nextAttemptAt.getTime() - NOW.getTime()).toBe(120_000);
    expect(retractionOutcome({ kind: "transient", reason: "502" }, MAX_RETRACT_ATTEMPTS, NOW).state).toBe(
      "failed",
    );
  });
  it("reads a send failure as the retraction's: maybe-later stays transient, final stays final", () => {
    expect(retractFailureOf({ kind: "uncertain", reason: "timeout" }).kind).toBe("transient");
    expect(retractFailureOf({ kind: "rejected", reason: "400" }).kind).toBe("permanent");
  });
});

describe("retractOnce", () => {
  it("edits when the platform refuses the delete as too old, and only then", async () => {
    const calls: RetractMode[] = [];
    const platform = async (_c: unknown, _r: MessageRef, mode: RetractMode): Promise<RetractResult> => {
      calls.push(mode);
      return mode === "delete"
        ? { kind: "not-deletable", reason: "message can't be deleted" }
        : { kind: "edited" };
    };
    expect(await retractOnce(platform, job, "delete")).toEqual({ kind: "edited" });
    expect(calls).toEqual(["delete", "edit"]);
  });
});

describe("the retraction step of a pass", () => {
  function step(answer: RetractResult) {
    const finished: Array<{ id: number; outcome: RetractionOutcome }> = [];
    let claimed = false;
    const ledger: RetractionLedger = {
      requestFor: async () => 0,
      async claim() {
        if (claimed) return [];
        claimed = true;
        return [job];
      },
      async finish(id, _owner, outcome) {
        finished.push({ id, outcome });
        return true;
      },
      forProfile: async () => [],
    };
    const acquired: string[] = [];
    const calls: RetractMode[] = [];
    const adapter = {
      platform: "telegram",
      afterUncertainSend: "record-uncertain",
      deleteWithinMs: 48 * HOUR,
      start: async () => {},
      stop: async () => {},
      send: async () => ({ kind: "permanent", reason: "never" }),
      async retract(_c, _r, mode) {
        calls.push(mode);
        return answer;
      },
    } satisfies PlatformAdapter;
    const logger = createMemoryLogger();
    const deps = {
      retractions: ledger,
      // Paced as delivery paces every adapter (delivery/paced-adapter.ts).
      adapters: new Map([
        [
          "telegram",
          pacedAdapter(
            adapter as PlatformAdapter,
            {
              acquire: async (c: string) => {
                acquired.push(c);
                return () => {};
              },
            } as unknown as Pacer,
          ),
        ],
      ]),
      logger,
      owner: "me",
      outage: createOutageWatch(logger, { now: () => NOW }),
    };
    return { deps, finished, acquired, calls };
  }

  it("deletes through the adapter at the platform's pace and records the attempt", async () => {
    const { deps, finished, acquired, calls } = step({ kind: "deleted" });
    const lines: PassLine[] = [];
    await runRetractions(deps, () => NOW, lines);
    expect(calls).toEqual(["delete"]);
    expect(acquired).toEqual([job.channel]);
    expect(finished).toEqual([{ id: 7, outcome: { state: "deleted", detail: "deleted" } }]);
    expect(lines).toMatchObject([{ kind: "retracted", channel: job.channel }]);
  });

  it("records a missing permission as failed", async () => {
    const { deps, finished } = step({ kind: "permanent", reason: "not enough rights" });
    const lines: PassLine[] = [];
    await runRetractions(deps, () => NOW, lines);
    expect(finished[0]?.outcome.state).toBe("failed");
    expect(lines[0]?.kind).toBe("failed");
  });
});
