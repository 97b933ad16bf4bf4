import { describe, expect, it } from "vitest";
import type { DailyDeliveries, DailyLateness, DeliveryLog } from "../../../src/core/ports/delivery-log.ts";
import { addDays } from "../../../src/core/time.ts";
import { withSettledDays } from "../../../src/panel/settled-days.ts";

/** A log whose figures are a table by day; it records each range it was asked. */
function tableLog() {
  const posts = new Map<string, DailyDeliveries[]>();
  const late = new Map<string, DailyLateness>();
  const asked: Array<[string, string]> = [];
  const log: Pick<DeliveryLog, "daily"> = {
    async daily(from, to) {
      asked.push([from, to]);
      const days: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
      return {
        posts: days.flatMap((d) => posts.get(d) ?? []),
        lateness: days.flatMap((d) => (late.has(d) ? [late.get(d)!] : [])),
      };
    },
  };
  const put = (day: string, sent: number) => {
    posts.set(day, [{ localDate: day, platform: "telegram", state: "sent", posts: sent }]);
    late.set(day, { localDate: day, medianSeconds: sent, worstSeconds: sent * 2 });
  };
  return { log, asked, put };
}

const TODAY = "2026-12-07";
const FROM = addDays(TODAY, -29);

describe("the Deliveries charts' settled days", () => {
  it("gives the same figures as the log, and asks only the open days once the settled ones are read", async () => {
    const { log, asked, put } = tableLog();
    for (let d = FROM; d <= TODAY; d = addDays(d, 1)) if (d !== "2026-11-20") put(d, Number(d.slice(-2)));
    const daily = withSettledDays(log);
    const first = await daily(FROM, TODAY);
    expect(first).toEqual(await log.daily(FROM, TODAY));
    asked.length = 0;
    const second = await daily(FROM, TODAY);
    expect(second).toEqual(first);
    // Only the days the pass may still change: the lookback (7) and a day for the zones behind UTC.
    expect(asked).toEqual([["2026-11-29", TODAY]]);
  });

  it("shows a recent day's change at once, and keeps a settled day as first read", async () => {
    const { log, put } = tableLog();
    put("2026-11-10", 1);
    put("2026-12-06", 1);
    const daily = withSettledDays(log);
    await daily(FROM, TODAY);
    put("2026-12-06", 5);
    put("2026-11-10", 5); // cannot happen to a settled day; shown to prove it is not asked again
    const again = await daily(FROM, TODAY);
    expect(again.posts.find((p) => p.localDate === "2026-12-06")?.posts).toBe(5);
    expect(again.posts.find((p) => p.localDate === "2026-11-10")?.posts).toBe(1);
  });

  it("reads newly settled days as the chart moves on, without counting a day twice", async () => {
    const { log, asked, put } = tableLog();
    for (let d = "2026-10-01"; d <= "2026-12-08"; d = addDays(d, 1)) put(d, 1);
    const daily = withSettledDays(log);
    await daily(FROM, TODAY);
    asked.length = 0;
    const tomorrow = await daily(addDays(FROM, 1), addDays(TODAY, 1));
    expect(asked[0]).toEqual(["2026-11-29", "2026-11-29"]);
    expect(tomorrow).toEqual(await log.daily(addDays(FROM, 1), addDays(TODAY, 1)));
  });
});
