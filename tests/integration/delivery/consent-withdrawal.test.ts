/**
 * A consent withdrawn by re-importing the curators' files reaches posts already delivered, as a takedown
 * does (issue 16): the import says so, and the next pass deletes the post, once, through the real
 * Telegram adapter (telegraf) against its fake; on PGlite and Postgres. An edit that takes back no
 * consent withdraws nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformAdapter } from "../../../src/core/platform.ts";
import { importFiles } from "../../../src/cli/import.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createFakeTelegram, type FakeTelegram } from "../../fakes/telegram/index.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { useDeliveryWorld } from "./harness.ts";
import { deliveryAdapterOn } from "./telegram-on-fake.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
/** A copy of the sample with a profile's file edited by `edit`. */
function sampleWith(profile: string, edit: (yaml: string) => string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "ftbh-consent-"));
  cpSync(SAMPLE, dir, { recursive: true });
  const file = join(dir, "profiles", `${profile}.yaml`);
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  if (after === before) throw new Error("the edit changed nothing");
  writeFileSync(file, after);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`consent withdrawn by an import, on ${target.name}`, () => {
    const world = useDeliveryWorld(target);
    let fake: FakeTelegram;
    let adapter: PlatformAdapter;
    let chat = -100_800_000;
    beforeAll(async () => {
      fake = await createFakeTelegram({ caps: false });
      adapter = deliveryAdapterOn(fake);
    });
    afterAll(() => fake?.close());

    /** Posts the day's family in a new group; returns the chat, the message and the profile posted. */
    async function deliverProfile() {
      const id = chat--;
      fake.addChat({ id, type: "supergroup", title: `Group ${id}` });
      world.setNow("2026-11-24T08:00:00Z");
      const channel = await world.subscribe(`telegram:${id}`, "09:00", "UTC");
      const delivery = world.delivery([adapter]);
      world.setNow("2026-11-24T09:00:10Z");
      expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
      const [row] = await world.repositories.deliveries.list({ channel });
      return { id, delivery, messageId: Number(row!.messageId), profile: row!.profileId! };
    }

    const importEdited = async (profile: string, edit: (yaml: string) => string) => {
      const copy = sampleWith(profile, edit);
      try {
        return await importFiles(world.repositories.catalog, [copy.dir], {
          cwd: copy.dir,
          actor: "cli:curator",
          retractPostsOf: (ids) => world.services.curation.retractPostsOf(ids),
        });
      } finally {
        copy.remove();
      }
    };

    it("withdraws the delivered post when a relative's consent is withdrawn, once", async () => {
      const { id, delivery, messageId, profile } = await deliverProfile();
      world.setNow("2026-11-24T12:00:00Z");
      // Every relative who consented to anything withdraws it.
      const report = await importEdited(profile, (yaml) =>
        yaml.replace(/status: given\n(\s+)scope: \[[^\]]*\]/g, "status: withdrawn\n$1scope: []"),
      );
      expect(report).toContain(`consent withdrawn: ${profile} (1 delivered post(s) put up for withdrawal`);
      expect(countByKind(await delivery.runPass())).toEqual({ retracted: 1 });
      expect(fake.messageIn(id, messageId)).toBeUndefined();
      await delivery.runPass();
      const calls = (method: string) =>
        fake.calls.filter((c) => c.method === method && c.params.chat_id === id).length;
      expect(calls("deleteMessage")).toBe(1);
      // Nothing new was posted about the family.
      expect(calls("sendMessage")).toBe(1);
    });

    it("withdraws nothing for an edit that takes back no consent", async () => {
      const { id, delivery, messageId, profile } = await deliverProfile();
      world.setNow("2026-11-24T12:00:00Z");
      // A new relative's line in the summary: a real change, and no consent taken back.
      const edited = await importEdited(profile, (yaml) =>
        yaml.replace(/\nsummary:\n {2}text: >-\n {4}/, "\nsummary:\n  text: >-\n    Edited. "),
      );
      expect(edited).toContain(`changed profiles: ${profile}`);
      expect(edited).not.toContain("consent withdrawn");
      expect(countByKind(await delivery.runPass())).toEqual({});
      expect(fake.messageIn(id, messageId)).toBeDefined();
    });
  });
}
