/**
 * A release end to end on Discord: the whole app (commands, import, database, delivery) with discord.js
 * against the fake Discord. Two channels subscribe, one with `/subscribe updates:off`; both get the day's
 * family; a curator imports the person's release from a file; the next pass edits both posts in place
 * (PATCH, same embed, the update line first, nobody pinged) and announces the release once, only where
 * updates are on. A later pass does nothing more.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/cli/import.ts";
import { currentDetention } from "../../src/core/profile.ts";
import { countByKind } from "../../src/delivery/report.ts";
import type { FakeChannel, StoredMessage } from "../fakes/discord/index.ts";
import { type DiscordSide, refOf, slash, startDiscordApp } from "./discord-side.ts";

let side: DiscordSide;

beforeAll(async () => {
  side = await startDiscordApp("2026-11-24T04:00:00Z");
});
afterAll(() => side?.close());

const subscribe = async (name: string, options: Record<string, string>) => {
  const channel = side.fake.addChannel(side.guild, name);
  const answer = await slash(side, { channel, user: side.moderator, name: "subscribe" }, options);
  expect(answer.content).toMatch(/^Subscribed/);
  return { channel, answer: answer.content };
};
const requests = (route: string, channel: FakeChannel) =>
  side.fake.requestsTo(route).filter((r) => r.major === channel.id);
const embedsOf = (message: StoredMessage) => (message.json.embeds as unknown[] | undefined)?.length ?? 0;
const pass = (iso: string) => side.world.delivery.runPass({ at: new Date(iso), settleWithinMs: 10_000 });

describe("a release on Discord", () => {
  it("edits the posts in place and announces it once, not where updates are off", async () => {
    const on = await subscribe("daily", { time: "09:00", timezone: "Asia/Baku" });
    const off = await subscribe("quiet", { time: "09:00", timezone: "Asia/Baku", updates: "off" });
    expect(on.answer).toContain("Release announcements here: on");
    expect(off.answer).toContain("Release announcements here: off");
    expect(countByKind(await pass("2026-11-24T05:00:20Z")).sent).toBe(2);
    const [row] = await side.world.app.repositories.deliveries.list({ channel: refOf(on.channel) });
    const profileId = row!.profileId!;

    // The curator's file, as `freetobehome import` reads it: the same profile, now released.
    const stored = (await side.world.app.repositories.catalog.getProfile(profileId))!.profile;
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
    const folder = mkdtempSync(join(tmpdir(), "ftbh-release-"));
    writeFileSync(join(folder, `${profileId}.json`), JSON.stringify({ ...stored, detentions }));
    const report = await importFiles(side.world.app.repositories.catalog, [folder], {
      cwd: folder,
      actor: "cli:curator",
    });
    expect(report).toContain(`changed profiles: ${profileId}`);
    expect(report).toContain(`status changes: ${profileId} (their recent posts are updated`);

    side.world.setNow("2026-11-25T04:00:00Z");
    const updated = await pass("2026-11-25T04:00:20Z");
    expect(countByKind(updated)).toMatchObject({ updated: 2, announced: 1 });
    for (const { channel } of [on, off]) {
      const [post, ...more] = side.fake.messagesIn(channel).filter((m) => embedsOf(m) > 0);
      expect(more).toEqual([]);
      expect(JSON.stringify(post!.json.embeds)).toContain(
        "Update, as of 25 November 2026: released on 25 November 2026",
      );
      expect(requests("PATCH /channels/:id/messages/:id", channel).map((r) => r.status)).toEqual([200]);
    }
    const announced = side.fake.messagesIn(on.channel).filter((m) => embedsOf(m) === 0);
    expect(announced.map((m) => m.json.content)).toEqual([
      expect.stringMatching(
        new RegExp(`^${stored.displayName} was released on 25 November 2026\\. Source: .+\\n<https://`),
      ),
    ]);
    expect(requests("POST /channels/:id/messages", off.channel)).toHaveLength(1);
    expect(side.fake.stats().pings).toBe(0);

    const again = await pass("2026-11-25T04:01:20Z");
    expect(countByKind(again).updated ?? 0).toBe(0);
    expect(countByKind(again).announced ?? 0).toBe(0);
    expect(requests("POST /channels/:id/messages", on.channel)).toHaveLength(2);
  });
});
