import type { types } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  blockActionPayload,
  formBody,
  interactionBody,
  postSigned,
  slashCommandPayload,
} from "../../fakes/slack/index.ts";
import { waitFor } from "./fixtures.ts";
import { GENERAL, type Harness, SIGNING_SECRET, startHarness, TEAM } from "./harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
  // Nothing here should have gone wrong on the adapter's side.
  expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
});

function slash(command: string, text: string, userId = "U0MEMBER", responseId = `r-${Math.random()}`) {
  const body = formBody(
    slashCommandPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId,
      command,
      text,
      responseUrl: h.fake.responseUrl(responseId),
    }),
  );
  return {
    body,
    responseId,
    send: (options = {}) => postSigned(h.endpoint, body, { signingSecret: SIGNING_SECRET, ...options }),
  };
}

const responsesTo = (id: string) => h.fake.responses.filter((r) => r.id === id);

describe("slack over HTTP", () => {
  it("acks a signed slash command at once, before the work, then answers with the card via response_url", async () => {
    const release = h.hold();
    const { send, responseId } = slash("/prisoner", "Mammadov");
    const answer = await send();
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3000);
    // The dispatch is still held: the ack did not wait for it.
    expect(h.invocations).toHaveLength(1);
    expect(responsesTo(responseId)).toHaveLength(0);
    release();
    await waitFor(() => responsesTo(responseId).length === 1);
    const [response] = responsesTo(responseId);
    expect(response?.body).toMatchObject({
      response_type: "in_channel",
      blocks: expect.arrayContaining([
        { type: "header", text: { type: "plain_text", text: "Tofig Mammadov", emoji: false } },
      ]),
    });
    expect(response?.mentions).toEqual([]);
    expect(h.invocations[0]).toMatchObject({
      command: "prisoner",
      text: "Mammadov",
      channel: `slack:${TEAM}:${GENERAL}`,
      community: `slack:${TEAM}`,
      caller: { id: "U0MEMBER" },
    });
    expect(h.fake.rejections).toEqual([]);
  });

  it("answers a private reply ephemerally", async () => {
    const { send, responseId } = slash("/share", "mammadov");
    await send();
    await waitFor(() => responsesTo(responseId).length === 1);
    expect(responsesTo(responseId)[0]?.body.response_type).toBe("ephemeral");
  });

  it("refuses a forged signature and a ten-minute-old request, and never dispatches them", async () => {
    const forged = await slash("/prisoner", "mammadov").send({ signature: `v0=${"0".repeat(64)}` });
    const wrongSecret = await postSigned(h.endpoint, slash("/prisoner", "mammadov").body, {
      signingSecret: "not-the-secret",
    });
    const stale = await slash("/prisoner", "mammadov").send({
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.invocations).toEqual([]);
    expect(h.fake.responses).toEqual([]);
    expect(h.logs.filter((l) => l.message?.includes("Failed to verify authenticity"))).toHaveLength(2);
    // The stale one is refused by our timestamp check (wiring-http-receiver.ts) before Bolt's signature check.
    expect(h.logs.filter((l) => l.message?.includes("x-slack-request-timestamp"))).toHaveLength(1);
  });

  it.each([
    ["U0MEMBER", false],
    ["U0GUEST", false],
    ["U0SCGUEST", false],
    ["U0ADMIN", true],
    ["U0OWNER", true],
    ["U0PRIMARY", true],
    ["U0BOTMOD", true],
  ])("isModerator for %s is %s (users.info and the bot moderator list)", async (user, expected) => {
    const { send, responseId } = slash("/subscribe", "", user);
    expect((await send()).status).toBe(200);
    await waitFor(() => responsesTo(responseId).length === 1);
    const text = JSON.stringify(responsesTo(responseId)[0]?.body);
    expect(text.includes("Subscribed")).toBe(expected);
    expect(await h.invocations[0]?.caller.isModerator()).toBe(expected);
  });

  it("offers choices as buttons, and a click runs the chosen command", async () => {
    const { send, responseId } = slash("/prisoner", "mam");
    await send();
    await waitFor(() => responsesTo(responseId).length === 1);
    const list = responsesTo(responseId)[0]?.body as { response_type: string; blocks: types.KnownBlock[] };
    expect(list.response_type).toBe("ephemeral");
    const buttons = list.blocks.flatMap((b) =>
      b.type === "section" && b.accessory?.type === "button" ? [b.accessory] : [],
    );
    expect(buttons.map((b) => b.text.text)).toEqual(["Tofig Mammadov", "Ilgar Mammadov"]);
    const [first] = buttons;
    if (!first) throw new Error("no button");

    const click = blockActionPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0ADMIN",
      actionId: first.action_id ?? "",
      value: first.value,
      responseUrl: h.fake.responseUrl("click-1"),
    });
    const answer = await postSigned(h.endpoint, interactionBody(click), { signingSecret: SIGNING_SECRET });
    expect(answer.status).toBe(200);
    await waitFor(() => responsesTo("click-1").length === 2);
    expect(h.invocations[1]).toMatchObject({
      command: "prisoner",
      text: "mammadov-tofig",
      caller: { id: "U0ADMIN" },
    });
    const [card, removal] = responsesTo("click-1");
    expect(card?.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(JSON.stringify(card?.body.blocks)).toContain("Tofig Mammadov");
    expect(removal?.body).toEqual({ delete_original: true });
  });

  it("replaces the list with a private answer", async () => {
    const click = blockActionPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0MEMBER",
      actionId: "ftbh.choice.1",
      value: JSON.stringify({ c: "prisoner", a: "mammadov-ilgar" }),
      responseUrl: h.fake.responseUrl("click-2"),
    });
    await postSigned(h.endpoint, interactionBody(click), { signingSecret: SIGNING_SECRET });
    await waitFor(() => responsesTo("click-2").length === 1);
    expect(responsesTo("click-2")[0]?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: true,
    });
  });

  it.each(["prisoner hostile", "share hostile", "prisoner hostile list"])(
    "answers %s without a refused call or a mention",
    async (typed) => {
      const [command, ...words] = typed.split(" ");
      const { send, responseId } = slash(`/${command}`, words.join(" "));
      await send();
      await waitFor(() => responsesTo(responseId).length === 1);
      expect(h.fake.rejections).toEqual([]);
      expect(responsesTo(responseId)[0]?.mentions).toEqual([]);
      expect(responsesTo(responseId)[0]?.body.blocks).not.toEqual([]);
    },
  );

  it("answers without the photo when Slack cannot fetch it", async () => {
    const { send, responseId } = slash("/prisoner", "deadphoto");
    await send();
    await waitFor(() => responsesTo(responseId).length === 1);
    expect(h.fake.rejections.map((r) => [r.method, r.error])).toEqual([["response_url", "invalid_blocks"]]);
    const blocks = JSON.stringify(responsesTo(responseId)[0]?.body.blocks);
    expect(blocks).toContain("Tofig Mammadov");
    expect(blocks).not.toContain("photos.invalid");
  });

  it("acks share-link clicks without dispatching anything", async () => {
    const click = blockActionPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0MEMBER",
      actionId: "ftbh.link.0",
      responseUrl: h.fake.responseUrl("link"),
    });
    const answer = await postSigned(h.endpoint, interactionBody(click), { signingSecret: SIGNING_SECRET });
    expect(answer.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.invocations).toEqual([]);
  });
});
