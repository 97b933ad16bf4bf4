/**
 * Calls to action on Discord through the whole app: a campaign's actions (the test's own example.org
 * fixtures; the sample ships none) put "What you can do" and "Read more" under the daily post the real
 * delivery pass makes; a member's press is answered to them alone (ephemeral) in their Discord's language,
 * and /act answers privately too. The channel never sees an answer.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../src/catalog/read-import-files.ts";
import { campaignSchema } from "../../src/core/profile.ts";
import { answerTo, type DiscordSide, slash, startDiscordApp, subscribedChannel } from "./discord-side.ts";

const SAMPLE = fileURLToPath(new URL("../../data", import.meta.url));
const PETITION = "https://example.org/petition?for=all";

let side: DiscordSide;

beforeAll(async () => {
  side = await startDiscordApp("2026-11-24T04:00:00Z");
  const read = await readImportFiles([SAMPLE]);
  const campaigns = read.campaigns.map((c) =>
    campaignSchema.parse({
      ...c,
      profileUrl: "https://example.org/prisoners/{id}",
      actions: [
        {
          kind: "petition",
          url: PETITION,
          by: "Example Rights",
          source: "https://example.org/actions",
          asOf: "2026-11-01",
        },
      ],
    }),
  );
  await side.world.app.repositories.catalog.importBundle({ campaigns, profiles: read.profiles }, "test");
});

afterAll(async () => {
  await side?.close();
});

type Button = { type: number; style: number; label: string; custom_id?: string; url?: string };

describe("calls to action on Discord", () => {
  it("puts the buttons under the daily post, and answers a press to the presser alone, in Spanish", async () => {
    const channel = await subscribedChannel(side, "acts");
    await side.world.delivery.runPass({ at: new Date("2026-11-24T05:00:20Z"), settleWithinMs: 10_000 });
    const [post, ...more] = side.fake.messagesIn(channel);
    expect(more).toEqual([]);
    const rows = (post?.json.components ?? []) as Array<{ components: Button[] }>;
    const [own] = rows;
    expect(own?.components.map((b) => b.label)).toEqual(["What you can do", "Read more"]);
    const profileId = String(own?.components[0]?.custom_id).split(":").at(-1);
    expect(own?.components[1]?.url).toBe(`https://example.org/prisoners/${profileId}`);

    const ix = side.fake.click({
      guild: side.guild,
      channel,
      user: side.member,
      locale: "es-ES",
      message: post!,
      customId: own!.components[0]!.custom_id!,
    });
    const answer = await answerTo(side.fake, ix);
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain("Qué puedes hacer por");
    expect(answer.content).toContain(PETITION);
    expect(
      side.fake.messagesIn(channel).filter((m) => !m.deleted && !(Number(m.json.flags ?? 0) & 64)),
    ).toHaveLength(1);
  });

  it("answers /act privately with today's family's actions, and says so when a name has none current", async () => {
    const channel = side.fake.addChannel(side.guild, "asks");
    const today = await slash(side, { channel, user: side.member, name: "act" });
    expect(today.ephemeral).toBe(true);
    expect(today.content).toMatch(/^What you can do for /);
    expect(today.content).toContain(PETITION);
    side.world.setNow("2027-03-01T04:00:00Z");
    try {
      const later = await slash(side, { channel, user: side.member, name: "act" }, { name: "Mammadov" });
      expect(later.ephemeral).toBe(true);
      expect(later.content).toBe(
        "No current action for Ilgar Mammadov; the campaign lists none newer than 90 days.",
      );
    } finally {
      side.world.setNow("2026-11-24T04:00:00Z");
    }
  });
});
