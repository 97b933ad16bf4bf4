/**
 * The Deliveries page over weeks of real passes on the app's own clock: its total and charts keep settled
 * days once read (src/panel/settled-days.ts), so they are checked against the ledger itself after the days
 * move on, after a downtime whose missed posts land on recent days, and after a pass settles an old post a
 * stopped process left open. Pages past the first show the rows the total promises.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries } from "../../../db/schema/index.ts";
import type { DeliveryRow } from "../../../src/core/delivery.ts";
import { addDays } from "../../../src/core/time.ts";
import { createPanelApp } from "../../../src/panel/app.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { type PanelWorld, startPanelWorld } from "../../support/panel-world.ts";

let world: PanelWorld;
let panel: ReturnType<typeof createPanelApp>;
let cookie = "";
let runPass: () => Promise<unknown>;

/** A session as of the app's clock (one from days before has expired). */
async function signIn() {
  const token = await world.linkToken("Reader of the log", "viewer");
  const res = await panel.request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({ token }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** A pass each evening (UTC) from the 1st, after every seeded channel's post time. */
async function passesThrough(first: string, last: string) {
  for (let day = first; day <= last; day = addDays(day, 1)) {
    world.setNow(`${day}T20:00:00Z`);
    await runPass();
  }
}

beforeAll(async () => {
  world = await startPanelWorld({}, { now: "2026-11-01T00:00:00Z" });
  panel = createPanelApp(world.deps, { clientAddress: () => "192.0.2.41" });
  const adapters = (["discord", "slack", "console"] as const).map(
    (p) => createRecordingPlatform({ platform: p }).adapter,
  );
  const delivery = world.app.delivery(adapters);
  runPass = () => delivery.runPass();
  await passesThrough("2026-11-01", "2026-11-14");
  await signIn();
});
afterAll(() => world.close());

const text = async (path: string) => (await panel.request(path, { headers: { cookie } })).text();
const rowsOf = (page: string) => [...page.matchAll(/<tr>\s*<td data-label="Date">/g)].length;
async function totalOf(path: string): Promise<number> {
  const page = await text(path);
  if (page.includes("No post matches.")) return 0;
  const total = /Page \d+ of \d+ · (\d+) posts?/.exec(page)?.[1];
  expect(total, path).toBeDefined();
  return Number(total);
}
const ledger = () => world.app.repositories.deliveries.list();
const where = (rows: DeliveryRow[], keep: (r: DeliveryRow) => boolean) => rows.filter(keep).length;

/** Every filter the checks ask, with the ledger rows it matches. */
const FILTERS: Array<[string, (r: DeliveryRow) => boolean]> = [
  ["", () => true],
  ["?platform=slack", (r) => r.platform === "slack"],
  ["?state=sent", (r) => r.state === "sent"],
  ["?state=missed", (r) => r.state === "missed"],
  ["?state=sending", (r) => r.state === "sending"],
  ["?state=uncertain", (r) => r.state === "uncertain"],
  [
    "?platform=console&from=2026-11-03&to=2026-11-16",
    (r) => r.platform === "console" && r.localDate >= "2026-11-03" && r.localDate <= "2026-11-16",
  ],
  ["?to=2026-11-05", (r) => r.localDate <= "2026-11-05"],
];

async function expectTotalsOfLedger() {
  const rows = await ledger();
  for (const [query, keep] of FILTERS)
    expect(await totalOf(`/deliveries${query}`), query).toBe(where(rows, keep));
}

describe("the Deliveries page over weeks of posts", () => {
  it("keeps its totals and charts true to the ledger as days settle, posts are missed and a stuck post is settled", async () => {
    // A process stopped while sending the 2nd's console post: the day is past the lookback, the post still open.
    const [stuck] = await world.app.database.db
      .update(deliveries)
      .set({
        state: "sending",
        leaseUntil: new Date("2026-11-02T12:05:00Z"),
        sendingSince: new Date("2026-11-02T12:00:00Z"),
      })
      .where(and(eq(deliveries.platform, "console"), eq(deliveries.localDate, "2026-11-02")))
      .returning();
    expect(stuck).toBeDefined();
    await expectTotalsOfLedger();
    expect(await totalOf("/deliveries?state=sending")).toBe(1);

    // Three days without a pass, read by staff before the pass that records them as missed and settles the
    // stuck post: recent days read then must not be kept.
    world.setNow("2026-11-18T20:00:00Z");
    await signIn();
    await expectTotalsOfLedger();
    await runPass();
    const after = await ledger();
    expect(where(after, (r) => r.state === "missed")).toBeGreaterThan(0);
    expect(where(after, (r) => r.state === "sending")).toBe(0);
    await expectTotalsOfLedger();

    // The next days' posts, once their days have settled too.
    await passesThrough("2026-11-19", "2026-11-30");
    await signIn();
    await expectTotalsOfLedger();
    const page = await text("/deliveries");
    const json = /<script type="application\/json" id="delivery-figures">([^<]*)<\/script>/.exec(page)?.[1];
    const figures = JSON.parse(json ?? "{}") as {
      days: string[];
      outcomes: Array<{ label: string; values: number[] }>;
    };
    const rows = await ledger();
    for (const [i, day] of figures.days.entries()) {
      const shown = figures.outcomes.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
      expect(shown, day).toBe(where(rows, (r) => r.localDate === day));
    }
  });

  it("shows on each page the rows its total promises, and the last page for one past the end", async () => {
    const total = await totalOf("/deliveries");
    const pages = Math.ceil(total / 50);
    expect(pages).toBeGreaterThan(1);
    const last = await text(`/deliveries?page=${pages}`);
    expect(rowsOf(last)).toBe(total - (pages - 1) * 50);
    expect(last).toContain(`Page ${pages} of ${pages}`);
    const past = await text(`/deliveries?page=${pages + 5}`);
    expect(past).toContain(`Page ${pages} of ${pages}`);
    expect(rowsOf(past)).toBe(rowsOf(last));
    expect(rowsOf(await text("/deliveries?page=1"))).toBe(50);
  });
});
