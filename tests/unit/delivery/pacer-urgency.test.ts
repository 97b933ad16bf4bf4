/**
 * Answers and posts in one pacer (pacer.ts, `Urgency`), on the simulated loop: a command's answer goes
 * ahead of every post, its further requests ahead of new answers, a post under way ahead of new posts; an
 * answer still keeps its chat's caps without holding up anyone else; and one that gives up takes no place.
 */
import { describe, expect, it } from "vitest";
import { beforeRequest } from "../../../src/core/request-pace.ts";
import { paceLimits } from "../../../src/delivery/pace-limits.ts";
import { answerPace } from "../../../src/delivery/paced-adapter.ts";
import { createPacer, type Pacer, type PaceLimits, type Urgency } from "../../../src/delivery/pacer.ts";
import { simulatedLoop } from "./pacer-sim.ts";

/** One request a second overall, no channel caps: every grant after the first waits for the one before. */
const ONE_A_SECOND: PaceLimits = { global: [{ limit: 1, intervalMs: 1000 }], perChannel: [] };
const NET_MS = 10;

describe("pacer urgency", () => {
  it("serves an answer's further request, then answers, then posts under way, then new posts", async () => {
    const loop = simulatedLoop();
    const pacer = createPacer(ONE_A_SECOND, loop.clock);
    const granted: { label: string; at: number }[] = [];
    const send = async (label: string, urgency: Urgency) => {
      const answered = await pacer.acquire(`chat-${label}`, urgency);
      granted.push({ label, at: loop.clock.now() });
      await loop.clock.sleep(NET_MS);
      answered();
    };
    // All asked at once, in this order; the first post finds the cap free and goes at once.
    const all = Promise.all([
      send("post-1", {}),
      send("post-2", {}),
      send("post-continuing", { continuing: true }),
      send("answer-1", { answer: true }),
      send("post-3", {}),
      send("answer-continuing", { answer: true, continuing: true }),
      send("answer-2", { answer: true }),
    ]);
    await loop.run(all);
    expect(granted.map((g) => g.label)).toEqual([
      "post-1",
      "answer-continuing",
      "answer-1",
      "answer-2",
      "post-continuing",
      "post-2",
      "post-3",
    ]);
    // Still one a second: priority changes the order, never the cap.
    expect(granted.map((g) => g.at)).toEqual([0, 1010, 2020, 3030, 4040, 5050, 6060]);
  });

  it("keeps an answer to its chat's cap, letting posts by meanwhile, and serves it first once its chat allows", async () => {
    const loop = simulatedLoop();
    const pacer = createPacer(paceLimits("telegram", 5), loop.clock);
    const granted: { label: string; at: number }[] = [];
    const send = async (label: string, channel: string, urgency: Urgency = {}) => {
      const answered = await pacer.acquire(channel, urgency);
      granted.push({ label, at: loop.clock.now() });
      await loop.clock.sleep(NET_MS);
      answered();
    };
    // A post just went to the asker's group, so its answer must wait out Telegram's 1 a second there;
    // 20 posts to other chats were queued before the command came.
    const work = [send("post-in-group", "group")];
    for (let i = 0; i < 20; i++) work.push(send(`post-${i}`, `chat-${i}`));
    work.push(send("answer", "group", { answer: true }));
    await loop.run(Promise.all(work));

    const answer = granted.find((g) => g.label === "answer")!;
    expect(answer.at).toBeGreaterThanOrEqual(1000 + NET_MS);
    const before = granted.filter((g) => g.label.startsWith("post-") && g.at < answer.at);
    expect(before.length).toBeGreaterThan(1); // others went by while it waited for its chat
    // Once its chat allowed it, it waited for one global place at most, ahead of the posts still queued.
    const next = granted.findIndex((g) => g.label === "answer") + 1;
    expect(granted.slice(next).every((g) => g.at >= answer.at)).toBe(true);
    expect(answer.at - (1000 + NET_MS)).toBeLessThanOrEqual(1000 / 5);
  });

  it("lets a waiting request give up: it takes no place and the next one gets it", async () => {
    const loop = simulatedLoop();
    const pacer = createPacer(ONE_A_SECOND, loop.clock);
    const first = await loop.run(pacer.acquire("a"));
    const giveUp = new AbortController();
    const abandoned = pacer.acquire("b", { answer: true, signal: giveUp.signal });
    const next = pacer.acquire("c");
    giveUp.abort(new Error("gave up"));
    await expect(abandoned).rejects.toThrow("gave up");
    first();
    const start = loop.clock.now();
    await loop.run(next);
    expect(loop.clock.now() - start).toBe(1000);
  });

  it("paces an answer's requests as an answer's, each in the chat it goes to, and takes no place for none", async () => {
    const asked: { channel: string; urgency: Urgency | undefined }[] = [];
    const inner = createPacer(paceLimits("telegram", 30));
    const pacer: Pacer = {
      acquire(channel, urgency) {
        asked.push({ channel, urgency });
        return inner.acquire(channel, urgency);
      },
    };
    const pace = answerPace(pacer);
    await pace("telegram:-100", async () => {}); // nothing sent that the caps count
    expect(asked).toEqual([]);
    await pace("telegram:-100", async () => {
      await beforeRequest();
      await beforeRequest("telegram:42");
    });
    expect(asked.map((a) => [a.channel, a.urgency?.answer, a.urgency?.continuing])).toEqual([
      ["telegram:-100", true, false],
      ["telegram:42", true, true],
    ]);
    expect(asked.every((a) => a.urgency?.signal instanceof AbortSignal)).toBe(true);
  });
});
