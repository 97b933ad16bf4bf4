import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockActionPayload, slashCommandPayload } from "../../fakes/slack/index.ts";
import { waitFor } from "./fixtures.ts";
import { GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ socketMode: true });
});
afterEach(async () => {
  await h.stop();
});

describe("slack over Socket Mode", () => {
  it("connects with the app token and listens on no HTTP port", async () => {
    await h.fake.socket.connected();
    expect(h.fake.socket.connections).toBe(1);
    expect(h.fake.calls.get("apps.connections.open")).toBe(1);
    expect(h.adapter.httpPort()).toBeUndefined();
  });

  it("keeps trying to connect when apps.connections.open fails once", async () => {
    await h.stop();
    h = await startHarness({
      socketMode: true,
      beforeStart: (fake) => fake.failNext("apps.connections.open", { status: 500 }),
    });
    await h.fake.socket.connected();
    expect(h.fake.calls.get("apps.connections.open")).toBe(2);
  });

  it("acks a slash command envelope before the work, then answers via response_url", async () => {
    await h.fake.socket.connected();
    const release = h.hold();
    const payload = slashCommandPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0MEMBER",
      command: "/prisoner",
      text: "mammadov",
      responseUrl: h.fake.responseUrl("sm-1"),
    });
    const ack = await h.fake.socket.push("slash_commands", payload);
    expect(ack.envelope_id).toMatch(/^env-/);
    expect(ack.ms).toBeLessThan(3000);
    expect(h.fake.responses).toHaveLength(0);
    release();
    await waitFor(() => h.fake.responses.length === 1);
    expect(h.fake.responses[0]?.body).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(h.fake.responses[0]?.body.blocks)).toContain("Tofig Mammadov");
    expect(h.invocations[0]).toMatchObject({ command: "prisoner", channel: `slack:${TEAM}:${GENERAL}` });
  });

  it("runs a chosen command from a button click", async () => {
    await h.fake.socket.connected();
    const click = blockActionPayload({
      teamId: TEAM,
      channelId: GENERAL,
      userId: "U0OWNER",
      actionId: "ftbh.choice.0",
      value: JSON.stringify({ c: "prisoner", a: "mammadov-tofig" }),
      responseUrl: h.fake.responseUrl("sm-2"),
    });
    await h.fake.socket.push("interactive", click);
    await waitFor(() => h.fake.responses.length === 2);
    expect(h.invocations[0]).toMatchObject({
      command: "prisoner",
      text: "mammadov-tofig",
      caller: { id: "U0OWNER" },
    });
    expect(await h.invocations[0]?.caller.isModerator()).toBe(true);
  });

  it("acks app_uninstalled and tokens_revoked events and reports the workspace gone", async () => {
    await h.fake.socket.connected();
    for (const type of ["app_uninstalled", "tokens_revoked"]) {
      const event = { type, ...(type === "tokens_revoked" ? { tokens: { bot: ["U0BOTT0TEAM1"] } } : {}) };
      const body = {
        type: "event_callback",
        team_id: TEAM,
        api_app_id: "A0FAKEAPP",
        event,
        event_id: `Ev-${type}`,
        event_time: 1,
      };
      await h.fake.socket.push("events_api", body);
    }
    await waitFor(() => h.revoked.length === 2);
    expect(h.revoked).toEqual([
      { community: `slack:${TEAM}`, reason: "app_uninstalled" },
      { community: `slack:${TEAM}`, reason: "tokens_revoked" },
    ]);
  });
});
