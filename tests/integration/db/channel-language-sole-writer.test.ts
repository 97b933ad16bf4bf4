/**
 * A channel's language on embedded PGlite, whose one owner process makes every write: what a read found
 * stands until this process sets or clears a language (no query per reply), a write in flight while a read
 * asks is seen once it commits, and a repository over a server still asks every time.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createChannelLanguageRepository } from "../../../db/repositories/channel-languages.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { emptiedForEachTest, pgliteThreads } from "../../support/test-database.ts";

const CHANNEL = channelRef("telegram:-1001");
const OTHER = channelRef("telegram:-1002");
const COMMUNITY = communityRef("telegram:-1001");

describe.each(pgliteThreads)(
  "channel languages when this process is PGlite's only writer, on $thread",
  (target) => {
    const opened = emptiedForEachTest(target);

    const sole = () => createChannelLanguageRepository(opened().db, { soleWriter: true });
    const asking = () => createChannelLanguageRepository(opened().db);
    const set = (language: "fa" | "ru", channel = CHANNEL) =>
      asking().set({ channel, community: COMMUNITY, language, actor: "mod" });
    /** A change made behind the repositories' backs: only a repository that asks again sees it. */
    const behindTheBacks = (language: string) =>
      opened().db.execute(sql`update channel_languages set language = ${language}`);

    it("sees every set and clear this process makes, through any repository", async () => {
      const reader = sole();
      expect(await reader.get(CHANNEL)).toBeUndefined();
      await set("fa");
      expect(await reader.get(CHANNEL)).toBe("fa");
      await set("ru");
      expect(await reader.get(CHANNEL)).toBe("ru");
      await asking().clear(CHANNEL, "mod");
      expect(await reader.get(CHANNEL)).toBeUndefined();
    });

    it("keeps what it read, for a channel with a language and one without, unlike a repository that asks", async () => {
      await set("fa");
      const reader = sole();
      expect(await reader.get(CHANNEL)).toBe("fa");
      expect(await reader.get(OTHER)).toBeUndefined();
      await behindTheBacks("ru");
      await opened().db.execute(
        sql`insert into channel_languages (channel_ref, community_ref, language, set_by, set_at)
          values (${OTHER}, ${COMMUNITY}, 'ru', 'mod', now())`,
      );
      expect(await reader.get(CHANNEL)).toBe("fa");
      expect(await reader.get(OTHER)).toBeUndefined();
      expect(await asking().get(CHANNEL)).toBe("ru");
      expect(await asking().get(OTHER)).toBe("ru");
    });

    it("does not keep a read that overlapped a write, and reads the committed language after it", async () => {
      const reader = sole();
      await set("fa");
      // Begun together: the read may have found the row before the write committed.
      const [during] = await Promise.all([reader.get(CHANNEL), set("ru")]);
      expect(["fa", "ru"]).toContain(during);
      expect(await reader.get(CHANNEL)).toBe("ru");
    });

    it("asks again after a write that failed, and keeps the language that stands", async () => {
      await set("fa");
      const reader = sole();
      expect(await reader.get(CHANNEL)).toBe("fa");
      await expect(
        asking().set({ channel: CHANNEL, community: COMMUNITY, language: "xx" as "fa", actor: "mod" }),
      ).rejects.toThrow();
      await behindTheBacks("ru");
      // The failed write moved the count, so the kept "fa" is gone and the row as it stands is read.
      expect(await reader.get(CHANNEL)).toBe("ru");
    });
  },
);
