/**
 * Slack threads through the whole app: a release is announced in the thread of the channel's post about
 * the person (broadcast to the channel too), or in the channel when that post is gone; a mention of the
 * app in a thread (`@app prisoner <name>`) is answered in that thread.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/cli/import.ts";
import { currentDetention } from "../../src/core/profile.ts";
import { countByKind } from "../../src/delivery/report.ts";
import { appMentionBody, type FakeSlack, postSigned } from "../fakes/slack/index.ts";
import type { AppWorld } from "./app-world.ts";
import {
  addChannel,
  refOf,
  SIGNING_SECRET,
  slackBase,
  slash,
  startOneWorkspaceApp,
  waitFor,
  type Workspace,
} from "./slack-side.ts";

describe("Slack threads through the app", () => {
  let fake: FakeSlack;
  let world: AppWorld;
  let ws: Workspace;
  let base: string;

  beforeAll(async () => {
    ({ fake, ws, world } = await startOneWorkspaceApp("T0THREAD", "2026-11-24T04:00:00Z"));
    base = slackBase(world);
  });

  afterAll(async () => {
    await world?.close();
    await fake?.stop();
    expect(
      fake.rejections.filter((r) => r.error !== "message_not_found" && r.error !== "thread_not_found"),
    ).toEqual([]);
    expect(world.logger.records.filter((r) => r.level === "error")).toEqual([]);
  });

  const pass = (iso: string) => world.delivery.runPass({ at: new Date(iso), settleWithinMs: 10_000 });

  async function release(profileId: string) {
    const stored = (await world.app.repositories.catalog.getProfile(profileId))?.profile;
    if (!stored) throw new Error(`no profile ${profileId}`);
    const current = currentDetention(stored);
    const detentions = stored.detentions.map((d) =>
      d === current
        ? {
            ...d,
            status: "released",
            statusAsOf: "2026-11-25",
            release: { date: "2026-11-25", type: "pardon" },
          }
        : d,
    );
    const folder = mkdtempSync(join(tmpdir(), "ftbh-slack-release-"));
    writeFileSync(join(folder, `${profileId}.json`), JSON.stringify({ ...stored, detentions }));
    await importFiles(world.app.repositories.catalog, [folder], { cwd: folder, actor: "cli:curator" });
    return stored.displayName;
  }

  it("announces a release in the thread of the post it follows, or in the channel when that post is gone", async () => {
    const kept = addChannel(fake, ws);
    const gone = addChannel(fake, ws);
    for (const channelId of [kept, gone]) {
      const as = { teamId: ws.teamId, channelId, userId: ws.admin };
      expect((await slash(fake, { http: base }, "/subscribe 09:00 Asia/Baku", as)).text).toContain(
        "Subscribed",
      );
    }
    expect(countByKind(await pass("2026-11-24T05:00:20Z")).sent).toBe(2);
    const [row] = await world.app.repositories.deliveries.list({ channel: refOf(ws, kept) });
    const [post] = fake.messagesIn(kept);
    const [lost] = fake.messagesIn(gone);
    if (!row?.profileId || !post || !lost) throw new Error("the day's posts are missing");
    lost.deleted = true; // someone deleted the channel's post in Slack

    const name = await release(row.profileId);
    world.setNow("2026-11-25T04:00:00Z");
    expect(countByKind(await pass("2026-11-25T04:00:20Z"))).toMatchObject({ announced: 2 });

    const [reply, ...more] = fake.messagesIn(kept).filter((m) => m.ts !== post.ts);
    expect(more).toEqual([]);
    expect(reply).toMatchObject({ threadTs: post.ts, broadcast: true });
    expect(reply?.text).toContain(`${name} was released on 25 November 2026`);
    const [fallback] = fake.messagesIn(gone);
    expect(fallback?.threadTs).toBeUndefined();
    expect(fallback?.text).toContain(`${name} was released`);
  });

  it("answers @app prisoner <name> asked in a thread in that thread, and one outside under the mention", async () => {
    const channelId = addChannel(fake, ws);
    const caller = {
      teamId: ws.teamId,
      userId: ws.member,
      channel: channelId,
      botUserId: fake.team(ws.teamId).botUserId,
    };
    const sign = { signingSecret: SIGNING_SECRET, contentType: "application/json" as const };
    fake.personPosted(channelId, "1700000050.000100");
    fake.personPosted(channelId, "1700000100.000200");
    fake.personPosted(channelId, "1700000200.000300");
    const inThread = appMentionBody(caller, "prisoner Məmmədov", "1700000100.000200", "1700000050.000100");
    expect((await postSigned(`${base}/slack/events`, inThread, sign)).status).toBe(200);
    await waitFor(() => fake.messagesIn(channelId).length === 1, "the answer in the thread");
    expect(fake.messagesIn(channelId)[0]).toMatchObject({ threadTs: "1700000050.000100" });
    expect(JSON.stringify(fake.messagesIn(channelId)[0]?.blocks)).toContain("Ilgar Mammadov");
    expect(fake.messagesIn(channelId)[0]?.mentions).toEqual([]);

    const outside = appMentionBody(caller, "subscribe 09:00 UTC", "1700000200.000300");
    expect((await postSigned(`${base}/slack/events`, outside, sign)).status).toBe(200);
    await waitFor(() => fake.messagesIn(channelId).length === 2, "the answer under the mention");
    expect(fake.messagesIn(channelId)[1]).toMatchObject({ threadTs: "1700000200.000300" });
    expect(await world.app.repositories.subscriptions.findByChannel(refOf(ws, channelId))).toBeUndefined();
  });
});
