/**
 * A channel's clock: its zone (its subscription's, else the default) and what today, a time on a date and
 * the next post mean there, in zones a day either side of UTC.
 */
import { describe, expect, it } from "vitest";
import { channelRef } from "../../src/core/channel.ts";
import {
  channelClock,
  channelZone,
  clockInZone,
  earliestLocalDateAnywhere,
  keptClocks,
  nextPostOf,
  readChannelClock,
} from "../../src/core/channel-clock.ts";
import type { Subscription } from "../../src/core/ports/subscriptions.ts";

const NEAR_MIDNIGHT_UTC = new Date("2026-11-24T23:30:00Z");

describe("a channel's zone", () => {
  it("is its subscription's, whatever its state, else the default", () => {
    expect(channelZone({ timezone: "Asia/Baku" }, "UTC")).toBe("Asia/Baku");
    expect(channelZone(undefined, "Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("a channel's today", () => {
  it("is the channel's local date, not UTC's", () => {
    expect(channelClock({ timezone: "Pacific/Kiritimati" }, "UTC", NEAR_MIDNIGHT_UTC).today).toBe(
      "2026-11-25",
    );
    expect(channelClock(undefined, "UTC", NEAR_MIDNIGHT_UTC).today).toBe("2026-11-24");
    expect(clockInZone("Pacific/Pago_Pago", new Date("2026-11-25T05:00:00Z")).today).toBe("2026-11-24");
  });

  it("dates another instant and places a local time on a date in the channel's zone", () => {
    const clock = clockInZone("Pacific/Kiritimati", NEAR_MIDNIGHT_UTC);
    expect(clock.dateOf(new Date("2026-11-24T09:00:00Z"))).toBe("2026-11-24");
    expect(clock.at("2026-11-25", "09:00").toISOString()).toBe("2026-11-24T19:00:00.000Z");
  });

  it("says where it was read and when", () => {
    const clock = clockInZone("Asia/Baku", NEAR_MIDNIGHT_UTC);
    expect(clock.zone).toBe("Asia/Baku");
    expect(clock.now).toBe(NEAR_MIDNIGHT_UTC);
  });
});

describe("the next post", () => {
  it("is today's slot while it is still ahead, else tomorrow's", () => {
    const clock = clockInZone("Pacific/Kiritimati", NEAR_MIDNIGHT_UTC); // 13:30 on the 25th there
    expect(clock.nextSlot("14:00")).toEqual({
      localDate: "2026-11-25",
      at: new Date("2026-11-25T00:00:00Z"),
    });
    expect(clock.nextSlot("09:00").localDate).toBe("2026-11-26");
  });

  it("comes after a date already settled", () => {
    expect(clockInZone("UTC", NEAR_MIDNIGHT_UTC).nextSlot("23:45", "2026-11-24").localDate).toBe(
      "2026-11-25",
    );
  });

  it("of a subscription is at its time, in its zone, after its planned-through date", () => {
    const subscription = { postTime: "09:00", timezone: "Pacific/Pago_Pago", plannedThrough: "2026-11-24" };
    expect(nextPostOf(subscription, NEAR_MIDNIGHT_UTC)).toEqual({
      localDate: "2026-11-25",
      at: new Date("2026-11-25T20:00:00Z"),
    });
  });
});

describe("the earliest local date anywhere", () => {
  it("is a day before UTC's date, the given days back, so no zone is left out", () => {
    expect(earliestLocalDateAnywhere(NEAR_MIDNIGHT_UTC, 7)).toBe("2026-11-16");
    // Pago Pago, the furthest behind UTC, is on the 24th: 8 days back is the 16th, covered.
    expect(clockInZone("Pacific/Pago_Pago", NEAR_MIDNIGHT_UTC).today).toBe("2026-11-24");
  });
});

describe("reading a channel's clock", () => {
  it("finds the channel's subscription and reads the bot's clock in its zone", async () => {
    const subscription = { timezone: "Pacific/Kiritimati" } as Subscription;
    const asked: string[] = [];
    const sources = {
      subscriptions: {
        findByChannel: async (channel: string) => {
          asked.push(channel);
          return channel === "console:subscribed" ? subscription : undefined;
        },
      },
      clock: { now: () => NEAR_MIDNIGHT_UTC },
      defaults: { timezone: "UTC" },
    };
    const subscribed = await readChannelClock(sources, channelRef("console:subscribed"));
    expect(subscribed.subscription).toBe(subscription);
    expect(subscribed.clock.today).toBe("2026-11-25");
    const other = await readChannelClock(sources, channelRef("console:other"));
    expect(other).toMatchObject({ subscription: undefined, clock: { zone: "UTC", today: "2026-11-24" } });
    expect(asked).toEqual(["console:subscribed", "console:other"]);
  });
});

describe("keptClocks (a pass's clocks, one per zone, conversions kept)", () => {
  const now = new Date("2026-03-29T12:00:00Z"); // Europe's clocks went forward at 01:00 UTC that day
  const zones = ["UTC", "Europe/Berlin", "Asia/Tehran", "America/New_York", "Pacific/Chatham"];
  const dates = ["2026-03-28", "2026-03-29", "2026-11-01"];
  const times = ["00:30", "02:30", "09:00", "23:59"];

  it("answers exactly as the plain clock, asked once or many times", () => {
    const kept = keptClocks(now);
    for (let round = 0; round < 2; round++)
      for (const zone of zones) {
        const plain = clockInZone(zone, now);
        const clock = kept(zone);
        expect(clock.today).toBe(plain.today);
        for (const date of dates)
          for (const time of times)
            expect(clock.at(date, time).toISOString()).toBe(plain.at(date, time).toISOString());
        for (const instant of [now, new Date("2026-03-29T00:59:00Z"), new Date("2026-03-29T01:00:00Z")])
          expect(clock.dateOf(instant)).toBe(plain.dateOf(instant));
      }
  });

  it("hands each caller a Date of its own", () => {
    const clock = keptClocks(now)("Europe/Berlin");
    const first = clock.at("2026-03-29", "09:00");
    first.setTime(0);
    expect(clock.at("2026-03-29", "09:00").toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });
});
