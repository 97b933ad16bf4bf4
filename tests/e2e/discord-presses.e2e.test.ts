/**
 * A click on a Discord choice button through the whole app (discord.js against the fake Discord, the real
 * commands and database) is counted for the profile it showed, under the button's command; the slash
 * command that offered the choices is not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTo, type DiscordSide, startDiscordApp } from "./discord-side.ts";

describe("Discord button presses through the app", () => {
  let side: DiscordSide;
  beforeAll(async () => {
    side = await startDiscordApp("2026-11-24T04:00:00Z");
  });
  afterAll(() => side?.close());

  it("counts the click that showed a profile, per day, platform, profile and button", async () => {
    const { fake, guild, member, world } = side;
    const channel = fake.addChannel(guild, "presses");
    const ix = fake.command({
      guild,
      channel,
      user: member,
      name: "prisoner",
      options: { name: "Mohammad" },
    });
    await answerTo(fake, ix);
    const rows = ix.original!.json.components as Array<{ components: Array<{ custom_id: string }> }>;
    const [button] = rows.flatMap((r) => r.components);
    expect(await world.app.repositories.presses.counts()).toEqual([]);

    const click = fake.click({
      guild,
      channel,
      user: member,
      message: ix.original!,
      customId: button!.custom_id,
    });
    // The answer is edited in once the command has run, and the press counted before it.
    const card = await answerTo(fake, click);
    expect(card.embeds).toHaveLength(1);
    const [counted, ...more] = await world.app.repositories.presses.counts();
    expect(more).toEqual([]);
    expect(counted).toMatchObject({ day: "2026-11-24", platform: "discord", button: "prisoner", presses: 1 });
    expect(button!.custom_id).toContain(counted!.profileId);
  });
});
