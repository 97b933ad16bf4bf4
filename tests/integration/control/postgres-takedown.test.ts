/**
 * On a Postgres server every process opens the database itself: a takedown made by one process (here
 * the command line's own path, as `freetobehome profiles takedown` runs it) must reach every other
 * running bot before its next reply and its next post. Measured here: from the command's return to the
 * other bot's reply and delivery pass showing nothing of the profile.
 */
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { createConsoleAdapter } from "../../../src/app-platforms.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { CliIo } from "../../../src/cli/context.ts";
import { runHereOrInBot } from "../../../src/cli/owner.ts";
import { loadConfig } from "../../../src/config.ts";
import { parseConsoleLine } from "../../../platforms/console/parse.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createEmptyPostgresDatabase, describeOnPostgres } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));

describeOnPostgres("a takedown on a Postgres server reaches every running bot", () => {
  let server: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let bots: App[];
  let now = new Date("2026-11-24T08:00:00Z");

  beforeAll(async () => {
    server = await createEmptyPostgresDatabase();
    const config = loadConfig({ DATABASE_URL: server.url, LOG_LEVEL: "warn" });
    const open = () => createApp(config, { logger: createMemoryLogger(), clock: { now: () => now } });
    bots = [await open(), await open()];
    const read = await readImportFiles([SAMPLE]);
    await bots[0]!.repositories.catalog.importBundle(
      { campaigns: read.campaigns, profiles: read.profiles },
      "t",
    );
  });
  afterAll(async () => {
    for (const bot of bots ?? []) await bot.close();
    await server?.drop();
  });

  const ask = async (bot: App, line: string) => {
    const parsed = parseConsoleLine(line);
    if (parsed.kind !== "command") throw new Error(line);
    const reply = await bot.dispatch(parsed.invocation);
    return reply.kind === "card" ? reply.card.profileId : undefined;
  };

  it("within a second, in the other bots' replies and delivery passes", async () => {
    const [first, second] = bots as [App, App];
    await ask(first, "/subscribe 09:00 UTC");
    const featured = (await ask(second, "/today"))!;
    expect(await ask(second, `/prisoner ${featured}`)).toBe(featured); // Both bots hold the catalog.
    expect(await ask(first, `/prisoner ${featured}`)).toBe(featured);

    const out = new PassThrough();
    const io: CliIo = {
      stdin: new PassThrough(),
      stdout: out,
      stderr: new PassThrough(),
      cwd: process.cwd(),
      tty: { stdin: false, stdout: false, stderr: false },
      user: "curator",
    };
    const config = loadConfig({ DATABASE_URL: server.url, LOG_LEVEL: "warn" });
    expect(
      await runHereOrInBot(config, "profiles", ["takedown", featured, "--reason", "consent withdrawn"], io),
    ).toBe(0);
    const done = performance.now();

    for (const bot of bots) expect(await ask(bot, `/prisoner ${featured}`)).toBeUndefined();
    let posted = "";
    const output = new PassThrough().on("data", (chunk) => (posted += chunk));
    now = new Date("2026-11-24T09:00:30Z");
    const pass = second.delivery([createConsoleAdapter(output)]);
    const report = await pass.runPass();
    const elapsed = performance.now() - done;
    expect(report.lines.filter((l) => l.kind === "sent")).toHaveLength(1);
    const name = (await second.repositories.catalog.getProfile(featured))!.profile.displayName;
    expect(posted).not.toContain(name);
    expect(elapsed).toBeLessThan(1_000);
  });
});
