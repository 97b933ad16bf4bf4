/**
 * Two processes, each running one of two gateway shards: each identifies with its shard, receives only its
 * servers (Discord's formula, guild_id >> 22 mod shard count), and answers only their interactions.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../platforms/discord/index.ts";
import type { FakeDiscord, FakeGuild } from "../../fakes/discord/index.ts";
import { startFakeDiscord } from "../../fakes/discord/index.ts";
import { shardOf } from "../../fakes/discord/gateway.ts";
import { createCatalogue, memoryLogger, testCommands } from "./fixtures.ts";

let fake: FakeDiscord;
const processes: Array<{ adapter: DiscordAdapter; catalogue: ReturnType<typeof createCatalogue> }> = [];
const guilds: FakeGuild[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  // Enough servers that both shards own some (ids are time-based snowflakes, so shards vary).
  while (new Set(guilds.map((g) => shardOf(g.id, 2))).size < 2 || guilds.length < 4) {
    guilds.push(fake.addGuild(`Server ${guilds.length}`));
  }
  for (const id of [0, 1]) {
    const catalogue = createCatalogue();
    const adapter = createDiscordAdapter({
      token: fake.token,
      apiUrl: fake.apiUrl,
      dispatch: (invocation) => catalogue.dispatch(invocation),
      autocomplete: (query) => catalogue.autocomplete(query),
      commands: testCommands,
      logger: memoryLogger(),
      shards: { ids: [id], count: 2 },
    });
    processes.push({ adapter, catalogue });
  }
  await processes[0]!.adapter.registerCommands();
  for (const p of processes) await p.adapter.start();
});

afterAll(async () => {
  for (const p of processes) await p.adapter.stop();
  await fake.close();
});

it("identifies each process with its own shard", () => {
  expect(fake.gateway.identifies.map((d) => d.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
});

it("has each server's commands answered once, by the process running its shard", async () => {
  for (const guild of guilds) {
    const channel = fake.addChannel(guild, "general");
    const user = fake.addMember(guild, `member of ${guild.name}`);
    const ix = fake.command({ guild, channel, user, name: "today" });
    await fake.waitFor(() => ix.responseType !== undefined && ix);
    const owner = shardOf(guild.id, 2);
    const handledBy = processes.map(
      (p) => p.catalogue.invocations.filter((i) => i.community.endsWith(guild.id)).length,
    );
    expect(handledBy[owner]).toBe(1);
    expect(handledBy[1 - owner]).toBe(0);
  }
});
