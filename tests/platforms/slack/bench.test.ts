/** The fan-out benchmark's sender: the real Web API client against the fake, with the fake's counters. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackBenchSender } from "../../../platforms/slack/index.ts";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/index.ts";

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack({ caps: { perChannelPerSecond: 1, burst: 1 } });
});
afterEach(async () => {
  await fake.stop();
});

describe("slack bench sender", () => {
  it("posts, and reports the fake's 429s as transient with Retry-After, at the cap the fake started with", async () => {
    const token = fake.addTeam({ id: "T0BENCH" }).botToken;
    const channels = ["C0A", "C0B", "C0C"];
    for (const id of channels)
      fake.addChannel({ id, teamId: "T0BENCH", name: id.toLowerCase(), botMember: true });
    const send = createSlackBenchSender({ apiUrl: fake.apiUrl, token });
    const results = await Promise.all(
      channels.flatMap((id) => [send(id, "<!channel> one"), send(id, "two")]),
    );
    expect(results.filter((r) => r.kind === "sent")).toHaveLength(3);
    expect(results.filter((r) => r.kind === "transient")).toEqual(
      Array(3).fill({ kind: "transient", reason: "ratelimited", retryAfterMs: 1000 }),
    );
    expect(fake.stats()).toMatchObject({ messages: 3, ratelimited: 3 });
    expect(fake.messages.flatMap((m) => m.mentions)).toEqual([]);
  });

  it("reports a bad token as permanent", async () => {
    const send = createSlackBenchSender({ apiUrl: fake.apiUrl, token: "xoxb-unknown" });
    expect(await send("C0A", "x")).toEqual({ kind: "permanent", reason: "invalid_auth" });
  });
});
