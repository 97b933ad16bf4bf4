/**
 * A takedown reaching posts already delivered, on each platform's real library against its fake, over
 * PGlite and Postgres (TEST_DATABASE_URL): a daily post goes out, the profile is taken down, and the next
 * pass deletes the message (on Telegram, a post older than 48 hours on the app's clock is edited to the
 * neutral line instead), once: later passes make no further call, and nothing new is posted about the person.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../../platforms/discord/index.ts";
import { WITHDRAWN_TEXT } from "../../../src/core/retraction.ts";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import type { DeliveryService } from "../../../src/delivery/service.ts";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/index.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { startHarness, TEAM, type Harness } from "../../platforms/slack/harness.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";
import { deliveryAdapterOn } from "./telegram-on-fake.ts";

const unused = async () => {
  throw new Error("no commands in this test");
};
const TAKEDOWN = { reason: "the family withdrew consent", actor: "cli:curator" };

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`retraction on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    /** Subscribes, posts the day's family at 09:00 UTC, and returns the profile and the ledger row. */
    async function deliverOne(adapter: PlatformAdapter, channel: string) {
      world.setNow("2026-11-24T08:00:00Z");
      const ref = await world.subscribe(channel, "09:00", "UTC");
      const delivery = world.delivery([adapter]);
      world.setNow("2026-11-24T09:00:10Z");
      expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
      const [row] = await world.repositories.deliveries.list({ channel: ref });
      return { delivery, ref, profileId: row!.profileId!, messageId: row!.messageId! };
    }

    async function takeDownAndPass(delivery: DeliveryService, profileId: string) {
      const result = await world.services.curation.takedown(profileId, TAKEDOWN);
      expect(result).toMatchObject({ kind: "taken-down", retractions: 1 });
      return delivery.runPass();
    }

    describe("Telegram", () => {
      let fake: FakeTelegram;
      let adapter: PlatformAdapter;
      let chat = -100_700_000;
      beforeAll(async () => {
        fake = await createFakeTelegram({ caps: false });
        adapter = deliveryAdapterOn(fake);
      });
      afterAll(() => fake?.close());
      const newChat = () => {
        const id = chat--;
        fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
        return id;
      };
      const calls = (method: string, chatId: number) =>
        fake.calls.filter((c) => c.method === method && c.params.chat_id === chatId).length;

      it("deletes a post under 48 hours old in the next pass, once", async () => {
        const id = newChat();
        const { delivery, profileId, messageId } = await deliverOne(adapter, `telegram:${id}`);
        world.setNow("2026-11-24T15:00:00Z");
        const report = await takeDownAndPass(delivery, profileId);
        expect(countByKind(report)).toEqual({ retracted: 1 });
        expect(fake.messageIn(id, Number(messageId))).toBeUndefined();
        await delivery.runPass();
        expect(calls("deleteMessage", id)).toBe(1);
        expect(calls("sendMessage", id)).toBe(1);
        expect(await world.repositories.retractions.forProfile(profileId)).toMatchObject([
          { retraction: { state: "deleted", attempts: 1 } },
        ]);
      });

      it("retracts once when two processes run their passes at the same moment", async () => {
        const id = newChat();
        const { profileId, messageId } = await deliverOne(adapter, `telegram:${id}`);
        await world.services.curation.takedown(profileId, TAKEDOWN);
        const [one, two] = [
          world.delivery([adapter], { owner: "one" }),
          world.delivery([adapter], { owner: "two" }),
        ];
        const reports = await Promise.all([one.runPass(), two.runPass()]);
        expect(reports.map((r) => countByKind(r).retracted ?? 0).sort()).toEqual([0, 1]);
        expect(fake.messageIn(id, Number(messageId))).toBeUndefined();
        expect(calls("deleteMessage", id)).toBe(1);
      });

      it("edits a post older than 48 hours to the neutral line instead, once", async () => {
        const id = newChat();
        const { delivery, ref, profileId, messageId } = await deliverOne(adapter, `telegram:${id}`);
        await world.repositories.subscriptions.stop(ref, "telegram:42"); // no new daily post in the way
        // 49 hours later on the app's clock, and on Telegram's.
        world.setNow("2026-11-26T10:00:10Z");
        fake.ageMessage(id, Number(messageId), 49);
        const report = await takeDownAndPass(delivery, profileId);
        expect(countByKind(report)).toEqual({ retracted: 1 });
        expect(fake.messageIn(id, Number(messageId))?.text).toBe(WITHDRAWN_TEXT);
        await delivery.runPass();
        expect(calls("deleteMessage", id)).toBe(0);
        expect(calls("editMessageText", id)).toBe(1);
        expect(calls("sendMessage", id)).toBe(1);
      });
    });

    describe("Discord", () => {
      let fake: FakeDiscord;
      let adapter: PlatformAdapter;
      beforeAll(async () => {
        fake = await startFakeDiscord();
        adapter = createDiscordAdapter({
          token: fake.token,
          apiUrl: fake.apiUrl,
          dispatch: unused,
          commands: [],
          autocomplete: async () => [],
          logger: createMemoryLogger(),
        });
      });
      afterAll(() => fake?.close());

      it("deletes the post in the next pass, once", async () => {
        const guild = fake.addGuild(`G${Date.now()}`);
        const channel = fake.addChannel(guild, "daily");
        const { delivery, profileId } = await deliverOne(adapter, `discord:${guild.id}:${channel.id}`);
        const report = await takeDownAndPass(delivery, profileId);
        expect(countByKind(report)).toEqual({ retracted: 1 });
        expect(fake.messagesIn(channel)).toEqual([]);
        await delivery.runPass();
        const deletes = fake
          .requestsTo("DELETE /channels/:id/messages/:id")
          .filter((r) => r.major === channel.id);
        expect(deletes).toHaveLength(1);
        expect(
          fake.requestsTo("POST /channels/:id/messages").filter((r) => r.major === channel.id),
        ).toHaveLength(1);
      });
    });

    describe("Slack", () => {
      let h: Harness;
      let n = 0;
      beforeAll(async () => {
        h = await startHarness();
      });
      afterAll(() => h?.stop());

      it("deletes the post in the next pass, once", async () => {
        const id = `C0RETRACT${++n}${target.name.toUpperCase()}`;
        h.fake.addChannel({ id, teamId: TEAM, name: `daily-${n}`, botMember: true });
        const { delivery, profileId } = await deliverOne(h.adapter, `slack:${TEAM}:${id}`);
        const report = await takeDownAndPass(delivery, profileId);
        expect(countByKind(report)).toEqual({ retracted: 1 });
        expect(h.fake.messagesIn(id)).toEqual([]);
        await delivery.runPass();
        const calls = h.fake.callsTo(id);
        expect(calls.filter((c) => c.method === "chat.delete")).toHaveLength(1);
        expect(calls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
      });
    });
  });
}
