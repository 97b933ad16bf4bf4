import { afterEach, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { sampleCard, samplePost } from "./fixtures.ts";
import { GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";

// Slack's `ok: false` answers to chat.postMessage, through the real WebClient against the fake. Each kind
// drives the ledger differently: `permanent` pauses a subscription and alerts moderators, so it must be
// kept for lost access; a message Slack refuses is our bug and only fails the day's post.

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const general = channelRef(`slack:${TEAM}:${GENERAL}`);

async function answerWith(error: string) {
  h = await startHarness();
  h.fake.failNext("chat.postMessage", { error });
  // Without a photo, so an invalid_blocks answer is not followed by the photo-less resend.
  return h.adapter.send(general, samplePost(sampleCard({ photo: undefined })));
}

describe("slack delivery: what Slack's error codes mean", () => {
  it.each([
    "invalid_blocks",
    "msg_too_long",
    "msg_blocks_too_long",
    "invalid_arguments",
    "invalid_attachments",
    "too_many_attachments",
    "no_text",
    "a_code_slack_adds_next_year",
  ])("reads %s as Slack refusing the message, not as lost access", async (error) => {
    expect(await answerWith(error)).toEqual({ kind: "rejected", reason: `rejected by Slack: ${error}` });
    expect(h.fake.calls.get("chat.postMessage")).toBe(1);
  });

  it.each([
    "ratelimited",
    "rate_limited",
    "message_limit_exceeded",
    "team_added_to_org",
    "service_unavailable",
  ])("reads %s as a throttle or outage to try again later", async (error) => {
    expect(await answerWith(error)).toEqual({ kind: "transient", reason: error });
    expect(h.fake.calls.get("chat.postMessage")).toBe(1);
  });

  it.each(["internal_error", "fatal_error", "request_timeout"])(
    "reads %s as maybe posted: Slack cannot drop a duplicate",
    async (error) => {
      expect(await answerWith(error)).toEqual({ kind: "uncertain", reason: error });
      expect(h.fake.calls.get("chat.postMessage")).toBe(1);
    },
  );

  it.each([
    "token_expired",
    "invalid_auth",
    "restricted_action",
    "team_access_not_granted",
    "ekm_access_denied",
  ])("keeps %s permanent: only access can fix it", async (error) => {
    expect(await answerWith(error)).toEqual({ kind: "permanent", reason: error });
  });

  it("resends a card without its photo once, and reports a second refusal as rejected", async () => {
    h = await startHarness();
    h.fake.failNext("chat.postMessage", { error: "invalid_blocks" }, 2);
    const photo = { url: "https://photos.example.org/tofig.jpg", alt: "Tofig", credit: "Family" };
    const result = await h.adapter.send(general, samplePost(sampleCard({ photo })));
    expect(result).toEqual({ kind: "rejected", reason: "rejected by Slack: invalid_blocks" });
    expect(h.fake.calls.get("chat.postMessage")).toBe(2);
    expect(h.fake.messages).toEqual([]);
  });
});
