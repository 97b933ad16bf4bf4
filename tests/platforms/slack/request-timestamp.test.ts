/**
 * Slack's replay check over HTTP: a request stamped more than five minutes from now, either way, is
 * refused before anything runs. Bolt alone refuses only the old ones; the future half is ours.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isFreshTimestamp } from "../../../platforms/slack/wiring-http-receiver.ts";
import {
  formBody,
  postSigned,
  type SignedPostOptions,
  slashCommandPayload,
} from "../../fakes/slack/index.ts";
import { GENERAL, type Harness, SIGNING_SECRET, startHarness, TEAM } from "./harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A correctly signed /prisoner; what differs is only the timestamp. */
function prisoner(options: Partial<SignedPostOptions> = {}) {
  const body = formBody(
    slashCommandPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0MEMBER",
      command: "/prisoner",
      text: "mammadov",
      responseUrl: h.fake.responseUrl(`r-${Math.random()}`),
    }),
  );
  return postSigned(h.endpoint, body, { signingSecret: SIGNING_SECRET, ...options });
}

async function expectNothingHandled() {
  await new Promise((r) => setTimeout(r, 50));
  expect(h.invocations).toEqual([]);
  expect(h.fake.responses).toEqual([]);
}

describe("slack request timestamps over HTTP", () => {
  it.each([
    ["ten minutes ahead", 600],
    ["five minutes and a second ahead", 301],
    ["ten minutes behind", -600],
  ])("refuses a signed request stamped %s, and runs nothing", async (_name, offset) => {
    const answer = await prisoner({ timestamp: nowSeconds() + offset });
    expect(answer.status).toBe(401);
    await expectNothingHandled();
  });

  it.each([
    ["missing", null],
    ["not a number", "soon"],
    ["a number with more after it", `${nowSeconds()}abc`],
    ["in exponent form", "1.7e9"],
  ])("refuses a request whose timestamp header is %s", async (_name, header) => {
    const answer = await prisoner({ timestampHeader: header });
    expect(answer.status).toBe(401);
    await expectNothingHandled();
  });

  it("accepts a request stamped now, and one a little ahead (clocks differ)", async () => {
    expect((await prisoner()).status).toBe(200);
    expect((await prisoner({ timestamp: nowSeconds() + 60 })).status).toBe(200);
    expect(h.invocations).toHaveLength(2);
  });
});

describe("isFreshTimestamp", () => {
  const now = 1_700_000_000_000;
  it.each([
    ["1700000000", true],
    ["1700000300", true],
    ["1699999700", true],
    ["1700000301", false],
    ["1699999699", false],
    ["", false],
    [" 1700000000", false],
    [undefined, false],
    [["1700000000", "1700000000"], false],
  ])("%j is %s", (header, fresh) => {
    expect(isFreshTimestamp(header, now)).toBe(fresh);
  });
});
