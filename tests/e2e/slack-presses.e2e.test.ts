/**
 * A press on a Slack choice button through the whole app (Bolt over signed HTTP against the fake Slack, the
 * real commands and database) is counted for the profile it showed, under the button's command; the typed
 * command that offered the choices is not.
 */
import type { types } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockActionPayload, type FakeSlack, interactionBody, postSigned } from "../fakes/slack/index.ts";
import type { AppWorld } from "./app-world.ts";
import {
  addChannel,
  SIGNING_SECRET,
  slackBase,
  slash,
  startOneWorkspaceApp,
  type Workspace,
  waitFor,
} from "./slack-side.ts";

describe("Slack button presses through the app", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;

  beforeAll(async () => {
    ({ fake, ws, world } = await startOneWorkspaceApp("T0PRESS", "2026-11-24T04:00:00Z"));
  });
  afterAll(async () => {
    await world?.close();
    await fake?.stop();
  });

  it("counts the press that showed a profile, per day, platform, profile and button", async () => {
    const channelId = addChannel(fake, ws);
    const as = { teamId: ws.teamId, channelId, userId: ws.member };
    const { response } = await slash(fake, { http: slackBase(world) }, "/prisoner Mohammad", as);
    const blocks = (response.body as { blocks: types.KnownBlock[] }).blocks;
    const [button] = blocks.flatMap((b) =>
      b.type === "section" && b.accessory?.type === "button" ? [b.accessory] : [],
    );
    expect(await world.app.repositories.presses.counts()).toEqual([]);

    const click = blockActionPayload({
      ...as,
      actionId: button?.action_id ?? "",
      ...(button?.value === undefined ? {} : { value: button.value }),
      responseUrl: fake.responseUrl("press-1"),
    });
    const answer = await postSigned(`${slackBase(world)}/slack/events`, interactionBody(click), {
      signingSecret: SIGNING_SECRET,
    });
    expect(answer.status).toBe(200);
    await waitFor(() => fake.responses.some((r) => r.id === "press-1"), "the press's answer");
    const { a: profileId } = JSON.parse(button?.value ?? "{}") as { a: string };
    await waitFor(
      async () => (await world.app.repositories.presses.counts()).length > 0,
      "the press to be counted",
    );
    expect(await world.app.repositories.presses.counts()).toEqual([
      { day: "2026-11-24", platform: "slack", profileId, button: "prisoner", presses: 1 },
    ]);
  });
});
