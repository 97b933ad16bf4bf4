/**
 * A status change reaching posts already delivered, through the real delivery pass and Telegram's real
 * library against its fake, over PGlite and Postgres (TEST_DATABASE_URL): four chats get the day's family;
 * an import then records the person's release. The next pass edits the recent posts (not one sent before
 * RETRACT_WITHIN_DAYS) to carry the update line, and announces the release once in each chat that featured
 * the person, not in the one whose subscription has updates off; never again after a restart, never twice
 * with two processes, and never at all for a profile taken down.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { WITHDRAWN_TEXT } from "../../../src/core/retraction.ts";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { currentDetention, type Profile } from "../../../src/core/profile.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";
import { deliveryAdapterOn } from "./telegram-on-fake.ts";

/** The profile as a curator re-imports it: its current detention ended in a release. */
function released(profile: Profile): Profile {
  const current = currentDetention(profile);
  const detentions = profile.detentions.map((d) =>
    d === current
      ? {
          ...d,
          status: "released" as const,
          statusAsOf: "2026-11-30",
          release: { date: "2026-11-28", type: "served" as const },
        }
      : d,
  );
  return { ...profile, detentions };
}

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`status updates on ${target.name}`, () => {
    const world = useDeliveryWorld(target);
    let fake: FakeTelegram;
    let adapter: PlatformAdapter;
    let nextChat = -100_800_000;
    beforeAll(async () => {
      fake = await createFakeTelegram({ caps: false });
      adapter = deliveryAdapterOn(fake);
    });
    afterAll(() => fake?.close());

    const calls = (method: string, chatId: number) =>
      fake.calls.filter((c) => c.method === method && c.params.chat_id === chatId).length;

    /**
     * Four chats get the same day's family at 09:00 UTC: `old`'s post is then made to look 40 days old
     * (past RETRACT_WITHIN_DAYS, within the year), and `quiet` turns updates off.
     */
    async function deliverToFour() {
      const chats = { recent: 0, other: 0, quiet: 0, old: 0 };
      world.setNow("2026-11-24T08:00:00Z");
      for (const key of Object.keys(chats) as (keyof typeof chats)[]) {
        const id = nextChat--;
        fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
        chats[key] = id;
        await world.subscribe(`telegram:${id}`, "09:00", "UTC");
      }
      await world.repositories.subscriptions.upsert({
        channel: channelRef(`telegram:${chats.quiet}`),
        community: `telegram:${chats.quiet}` as never,
        campaignId: "free-to-be-home-2016",
        postTime: "09:00",
        timezone: "UTC",
        actor: "telegram:42",
        updates: false,
      });
      world.setNow("2026-11-24T09:00:10Z");
      const delivery = world.delivery([adapter]);
      expect(countByKind(await delivery.runPass())).toEqual({ sent: 4 });
      const rows = await world.repositories.deliveries.list({ channel: channelRef(`telegram:${chats.old}`) });
      await world.database.db.execute(
        sql`update deliveries set sent_at = sent_at - interval '40 days' where id = ${rows[0]!.id}`,
      );
      const profileId = rows[0]!.profileId!;
      const messageOf = async (chat: number) => {
        const rows = await world.repositories.deliveries.list({ channel: channelRef(`telegram:${chat}`) });
        return Number(rows.find((r) => r.state === "sent")!.messageId);
      };
      return { chats, profileId, messageOf };
    }

    async function release(profileId: string, edit: (p: Profile) => Profile = (p) => p) {
      const stored = await world.repositories.catalog.getProfile(profileId);
      const profiles = [edit(released(stored!.profile))];
      await world.repositories.catalog.importBundle({ campaigns: [], profiles }, "cli:curator");
      world.setNow("2026-12-01T08:00:00Z"); // before that day's post is due
    }

    it("edits the recent posts and announces the release once per chat, not where updates are off", async () => {
      const { chats, profileId, messageOf } = await deliverToFour();
      await release(profileId);
      const report = await world.delivery([adapter]).runPass();
      expect(countByKind(report)).toMatchObject({ updated: 3, announced: 3 });
      for (const chat of [chats.recent, chats.other, chats.quiet]) {
        const text = fake.messageIn(chat, await messageOf(chat))?.text ?? "";
        expect(text).toContain("Update, as of 30 November 2026: released on 28 November 2026 (source:");
        expect(calls("editMessageText", chat)).toBe(1);
      }
      expect(fake.messageIn(chats.old, await messageOf(chats.old))?.text).not.toContain("Update, as of");
      expect(calls("editMessageText", chats.old)).toBe(0);
      for (const chat of [chats.recent, chats.other, chats.old]) expect(calls("sendMessage", chat)).toBe(2);
      expect(calls("sendMessage", chats.quiet)).toBe(1);
      const announcement = fake.sentTo(chats.recent).at(-1)?.text ?? "";
      expect(announcement).toMatch(/ was released on 28 November 2026\. Source: .+\.\s+https?:\/\//);

      // A later pass, and a restarted process, find nothing left to do.
      await world.delivery([adapter]).runPass();
      await world.delivery([adapter], { owner: "restarted" }).runPass();
      for (const chat of Object.values(chats)) {
        expect(calls("editMessageText", chat)).toBe(chat === chats.old ? 0 : 1);
        expect(calls("sendMessage", chat)).toBe(chat === chats.quiet ? 1 : 2);
      }
      const posts = await world.repositories.retractions.forProfile(profileId);
      expect(posts.map((p) => p.update?.state ?? null).sort()).toEqual(["edited", "edited", "edited", null]);
      const announcements = await world.repositories.statusUpdates.announcementsFor(profileId);
      expect(announcements.map((a) => a.state)).toEqual(["announced", "announced", "announced"]);
    });

    it("edits and announces once when two processes run their passes at the same moment", async () => {
      const { chats, profileId } = await deliverToFour();
      await release(profileId);
      const [one, two] = [
        world.delivery([adapter], { owner: "one" }),
        world.delivery([adapter], { owner: "two" }),
      ];
      const reports = await Promise.all([one.runPass(), two.runPass()]);
      const total = (kind: "updated" | "announced") =>
        reports.reduce((n, r) => n + (countByKind(r)[kind] ?? 0), 0);
      expect(total("updated")).toBe(3);
      expect(total("announced")).toBe(3);
      for (const chat of [chats.recent, chats.other]) {
        expect(calls("editMessageText", chat)).toBe(1);
        expect(calls("sendMessage", chat)).toBe(2);
      }
    });

    it("never edits nor announces anything about a profile taken down after its release", async () => {
      const { chats, profileId, messageOf } = await deliverToFour();
      await release(profileId);
      await world.services.curation.takedown(profileId, { reason: "the family asked", actor: "cli:curator" });
      const report = await world.delivery([adapter]).runPass();
      expect(countByKind(report).updated).toBeUndefined();
      expect(countByKind(report).announced).toBeUndefined();
      for (const chat of Object.values(chats)) {
        expect(calls("sendMessage", chat)).toBe(1);
        const shown = fake.messageIn(chat, await messageOf(chat))?.text ?? "";
        expect(shown).not.toContain("Update, as of");
        expect(shown).not.toContain("released");
      }
      // The recent posts are retracted instead (edited, being older than Telegram's 48 hours); the one
      // past the window is left as it was.
      for (const chat of [chats.recent, chats.other, chats.quiet]) {
        expect(fake.messageIn(chat, await messageOf(chat))?.text).toBe(WITHDRAWN_TEXT);
        expect(calls("editMessageText", chat)).toBe(1);
      }
      expect(calls("editMessageText", chats.old)).toBe(0);
      const announcements = await world.repositories.statusUpdates.announcementsFor(profileId);
      expect(announcements.map((a) => a.state)).toEqual(["skipped", "skipped", "skipped"]);
    });

    it("renders the edit from the profile as it is now: a relative whose consent was withdrawn is gone", async () => {
      const { chats, profileId, messageOf } = await deliverToFour();
      const before = fake.messageIn(chats.recent, await messageOf(chats.recent))?.text ?? "";
      const relative = (await world.repositories.catalog.getProfile(profileId))!.profile.family.find(
        (m) => m.displayName && before.includes(m.displayName),
      );
      expect(relative, "the day's family names a relative").toBeDefined();
      await release(profileId, (p) => ({
        ...p,
        family: p.family.map((m) =>
          m.id === relative!.id ? { ...m, consent: { ...m.consent, status: "withdrawn" as const } } : m,
        ),
      }));
      await world.delivery([adapter]).runPass();
      const after = fake.messageIn(chats.recent, await messageOf(chats.recent))?.text ?? "";
      expect(after).toContain("Update, as of 30 November 2026");
      expect(after).not.toContain(relative!.displayName!);
    });

    it("never brings back a post withdrawn after a takedown, even once the profile is restored", async () => {
      const { chats, profileId, messageOf } = await deliverToFour();
      world.setNow("2026-11-24T15:00:00Z");
      await world.services.curation.takedown(profileId, { reason: "the family asked", actor: "cli:curator" });
      await world.delivery([adapter]).runPass(); // the recent posts are deleted (under 48 hours old)
      await world.services.curation.restore(profileId, { actor: "cli:curator" });
      await release(profileId);
      const report = await world.delivery([adapter]).runPass();
      expect(countByKind(report).updated).toBeUndefined();
      for (const chat of [chats.recent, chats.other, chats.quiet]) {
        expect(fake.messageIn(chat, await messageOf(chat))).toBeUndefined();
        expect(calls("editMessageText", chat)).toBe(0);
      }
    });
  });
}
