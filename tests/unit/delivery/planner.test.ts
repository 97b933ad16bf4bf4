/**
 * The planner decides which local days are due, when, and whether they are still owed. Time zones and
 * daylight-saving changes are checked against a clock the test sets, in zones with unusual rules.
 */
import { DEFAULT_POST_OPTIONS } from "../../../src/core/post-options.ts";
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { PlanningSubscription } from "../../../src/core/delivery.ts";
import type { Spotlight } from "../../../src/core/ports/spotlights.ts";
import { type PlanInput, planDeliveries } from "../../../src/delivery/planner.ts";

let nextId = 1;
function sub(overrides: Partial<PlanningSubscription> = {}): PlanningSubscription {
  const id = nextId++;
  return {
    id,
    channel: channelRef(`telegram:-100${id}`),
    community: communityRef(`telegram:-100${id}`),
    campaignId: "freetobehome-2016",
    postTime: "09:00",
    timezone: "UTC",
    state: "active",
    anniversaries: true,
    postOptions: DEFAULT_POST_OPTIONS,
    createdBy: "mod",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    activeSince: new Date("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}

function plan(now: string, subscriptions: PlanningSubscription[], extra: Partial<PlanInput> = {}) {
  return planDeliveries({
    subscriptions,
    spotlights: [],
    now: new Date(now),
    catchUpHours: 6,
    lookbackDays: 7,
    defaultPostTime: "09:00",
    ...extra,
  });
}

/** Steps a clock minute by minute and returns every (date, due instant) the planner emits, once each. */
function walk(s: PlanningSubscription, from: string, to: string) {
  const seen: Array<{ localDate: string; dueAt: string; plannedAt: string }> = [];
  let current = s;
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += 60_000) {
    const result = plan(new Date(t).toISOString(), [current]);
    for (const row of result.rows) {
      seen.push({
        localDate: row.localDate,
        dueAt: row.dueAt.toISOString(),
        plannedAt: new Date(t).toISOString(),
      });
    }
    const mark = result.plannedThrough[0];
    if (mark) current = { ...current, plannedThrough: mark.localDate };
  }
  return seen;
}

describe("planning the daily post", () => {
  it("plans a day once its local time has come, not before", () => {
    const s = sub({ timezone: "Asia/Baku", plannedThrough: "2026-11-23" });
    expect(plan("2026-11-24T04:59:00Z", [s]).rows).toEqual([]);
    const { rows, plannedThrough } = plan("2026-11-24T05:00:00Z", [s]);
    expect(rows).toMatchObject([{ localDate: "2026-11-24", state: "pending", timezone: "Asia/Baku" }]);
    expect(rows[0]!.dueAt.toISOString()).toBe("2026-11-24T05:00:00.000Z");
    expect(plannedThrough).toEqual([{ subscriptionId: s.id, localDate: "2026-11-24" }]);
  });

  it("owes nothing for a day whose time passed before the subscription was made", () => {
    const s = sub({ activeSince: new Date("2026-11-24T10:00:00Z") });
    const { rows, plannedThrough } = plan("2026-11-24T10:01:00Z", [s]);
    expect(rows).toEqual([]);
    expect(plannedThrough).toEqual([{ subscriptionId: s.id, localDate: "2026-11-24" }]);
    expect(plan("2026-11-25T09:00:00Z", [{ ...s, plannedThrough: "2026-11-24" }]).rows).toHaveLength(1);
  });

  it("catches up within CATCH_UP_HOURS and records older days as missed", () => {
    const s = sub({ plannedThrough: "2026-11-21" });
    const { rows } = plan("2026-11-24T14:30:00Z", [s]);
    expect(rows.map((r) => [r.localDate, r.state])).toEqual([
      ["2026-11-22", "missed"],
      ["2026-11-23", "missed"],
      ["2026-11-24", "pending"],
    ]);
    expect(rows[0]!.detail).toMatch(/CATCH_UP_HOURS \(6\)/);
    expect(plan("2026-11-24T15:01:00Z", [s]).rows.at(-1)!.state).toBe("missed");
  });

  it("with CATCH_UP_HOURS=0 still sends a post the scheduler reached a little late (10 minutes' grace)", () => {
    const s = sub({ plannedThrough: "2026-11-23" });
    const state = (now: string) => plan(now, [s], { catchUpHours: 0 }).rows.at(-1)!.state;
    expect(state("2026-11-24T09:00:40Z")).toBe("pending");
    expect(state("2026-11-24T09:10:00Z")).toBe("pending");
    expect(state("2026-11-24T09:10:01Z")).toBe("missed");
  });

  it("looks back at most a week after a long downtime", () => {
    const s = sub({ plannedThrough: "2026-10-01" });
    const { rows } = plan("2026-11-24T10:00:00Z", [s]);
    expect(rows[0]!.localDate).toBe("2026-11-17");
    expect(rows).toHaveLength(8);
  });

  it("uses a spotlight's own time and marks the row with it; a community spotlight beats a channel one", () => {
    const s = sub({ plannedThrough: "2026-11-23" });
    const spotlight = (id: number, scope: Spotlight["scope"], localTime?: string): Spotlight => ({
      id,
      scope,
      channel: scope === "channel" ? s.channel : channelRef("telegram:-1009999"),
      community: s.community,
      campaignId: s.campaignId,
      profileId: "ilgar-mammadov",
      localDate: "2026-11-24",
      ...(localTime ? { localTime } : {}),
      timezone: "UTC",
      state: "scheduled",
      createdBy: "mod",
      createdAt: new Date("2026-11-01T00:00:00Z"),
    });
    const spotlights = [spotlight(1, "community", "08:00"), spotlight(2, "channel", "07:00")];
    expect(plan("2026-11-24T07:30:00Z", [s], { spotlights }).rows).toEqual([]);
    const { rows } = plan("2026-11-24T08:00:00Z", [s], { spotlights });
    expect(rows).toMatchObject([{ spotlightId: 1, localDate: "2026-11-24" }]);
  });

  it("posts a channel spotlight where nothing is subscribed, and holds it where the subscription is paused", () => {
    const channel = channelRef("discord:1:2");
    const spotlight: Spotlight = {
      id: 7,
      scope: "channel",
      channel,
      community: communityRef("discord:1"),
      campaignId: "freetobehome-2016",
      profileId: "oleg-sentsov",
      localDate: "2026-11-24",
      timezone: "America/New_York",
      state: "scheduled",
      createdBy: "mod",
      createdAt: new Date("2026-11-01T00:00:00Z"),
    };
    const { rows } = plan("2026-11-24T14:00:00Z", [], { spotlights: [spotlight] });
    expect(rows).toMatchObject([{ channel, spotlightId: 7, platform: "discord", state: "pending" }]);
    expect(rows[0]!.dueAt.toISOString()).toBe("2026-11-24T14:00:00.000Z"); // 09:00 in New York
    const paused = sub({ channel, state: "paused" });
    expect(plan("2026-11-24T14:00:00Z", [paused], { spotlights: [spotlight] }).rows).toEqual([]);
  });
});

describe("daylight-saving changes", () => {
  it.each([
    // zone, time inside the skipped hour, the spring-forward day, the first valid instant after it
    ["America/New_York", "02:30", "2026-03-08", "2026-03-08T07:00:00.000Z"],
    ["Australia/Lord_Howe", "02:15", "2026-10-04", "2026-10-03T15:30:00.000Z"],
    ["Pacific/Chatham", "02:50", "2026-09-27", "2026-09-26T14:00:00.000Z"],
  ])("%s: a post at %s on %s goes out at the first valid minute after the gap", (zone, time, date, due) => {
    const s = sub({ timezone: zone, postTime: time, plannedThrough: "2026-01-01" });
    const days = walk({ ...s, plannedThrough: addDaysIso(date, -1) }, shift(due, -90), shift(due, 90));
    expect(days).toEqual([{ localDate: date, dueAt: due, plannedAt: due }]);
  });

  it.each([
    ["America/New_York", "01:30", "2026-11-01", "2026-11-01T05:30:00.000Z"],
    ["Australia/Lord_Howe", "01:45", "2026-04-05", "2026-04-04T14:45:00.000Z"],
    ["Pacific/Chatham", "03:00", "2026-04-05", "2026-04-04T13:15:00.000Z"], // 03:00 CHADT (+13:45), before 03:45 falls back
  ])(
    "%s: a post at %s on the fall-back day %s goes out once, at the first occurrence",
    (zone, time, date, due) => {
      const s = sub({ timezone: zone, postTime: time, plannedThrough: addDaysIso(date, -1) });
      const days = walk(s, shift(due, -30), shift(due, 150));
      expect(days).toEqual([{ localDate: date, dueAt: due, plannedAt: due }]);
    },
  );

  it.each([
    ["Asia/Baku", "09:00", "2026-11-24T05:00:00.000Z"],
    ["Asia/Kathmandu", "09:00", "2026-11-24T03:15:00.000Z"],
    ["Pacific/Chatham", "09:00", "2026-11-23T19:15:00.000Z"],
  ])("%s: %s local is due at the right instant on an ordinary day", (zone, time, due) => {
    const s = sub({ timezone: zone, postTime: time });
    const localDate = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(due));
    const days = walk({ ...s, plannedThrough: addDaysIso(localDate, -1) }, shift(due, -2), shift(due, 2));
    expect(days).toEqual([{ localDate, dueAt: due, plannedAt: due }]);
  });
});

function shift(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}

function addDaysIso(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
