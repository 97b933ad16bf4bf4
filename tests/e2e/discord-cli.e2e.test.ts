/**
 * `freetobehome register-commands` as an operator runs it: the command line run as main.ts runs it (in
 * this process, what it writes to stdout and stderr caught), on a never used embedded database, with
 * DISCORD_TOKEN and DISCORD_API_URL pointing at the fake Discord.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { type FakeDiscord, Permission, startFakeDiscord } from "../fakes/discord/index.ts";
import { runCliHere } from "../support/cli-io.ts";
import { unpackTemplateInto } from "../support/test-database.ts";

let dir: string;
let fake: FakeDiscord;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-discord-cli-"));
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("registers the slash commands with one bulk overwrite, and again without duplicating them", async () => {
  const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: join(dir, "data") };
  unpackTemplateInto(env.DATA_DIR);
  for (const run of [1, 2]) {
    const result = await runCliHere(["register-commands"], { env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Registered ${commands.length} commands with discord.\n`);
    expect(fake.requestsTo("PUT /applications/:id/commands").map((r) => r.status)).toEqual(
      Array.from({ length: run }, () => 200),
    );
  }
  expect(fake.state.commands.map((c) => c.name).sort()).toEqual(commands.map((c) => c.name).sort());
  const registered = new Map(fake.state.commands.map((c) => [c.name, c.json]));
  expect(registered.get("subscribe")?.default_member_permissions).toBe(String(Permission.ManageChannels));
  expect(registered.get("prisoner")?.options).toContainEqual(
    expect.objectContaining({ name: "name", autocomplete: true }),
  );
  // REST only: registering needs no gateway session.
  expect(fake.gateway.identifies).toEqual([]);
}, 60_000);
