/**
 * A second terminal's commands while a bot owns the embedded database: carried out by the bot over its
 * control socket, with the same output and exit code as run alone, and seen by the bot's very next reply
 * and delivery pass. The bot runs in this process (the real app, serveControl, runHereOrInBot); the
 * spawned-process version of the same story is tests/e2e/one-owner.e2e.test.ts.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.ts";
import { createConsoleAdapter } from "../../../src/app-platforms.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { parseConsoleLine } from "../../../platforms/console/parse.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { type CapturedIo, captureIo, holdFolderAsBot, runCommandLine } from "../../support/cli-io.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));

describe("a second terminal while the bot owns the embedded database", () => {
  let dataDir: string;
  let app: App;
  let bot: Awaited<ReturnType<typeof holdFolderAsBot>> | undefined;
  let now = new Date("2026-11-24T08:00:00Z");
  const runIn = (io: CapturedIo, argv: string[]) => runCommandLine(app.config, io, argv);
  const run = (...argv: string[]) => runIn(captureIo(dataDir), argv);
  const ask = async (line: string): Promise<Reply> => {
    const parsed = parseConsoleLine(line);
    if (parsed.kind !== "command") throw new Error(`not a command: ${line}`);
    return app.dispatch(parsed.invocation);
  };
  const profileShown = async (line: string) => {
    const reply = await ask(line);
    return reply.kind === "card" ? reply.card.profileId : undefined;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ftbh-owner-"));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    app = await createApp(config, {
      logger: createMemoryLogger(),
      clock: { now: () => now },
      database: await openPgliteTestDatabase(),
    });
    const read = await readImportFiles([SAMPLE]);
    await app.repositories.catalog.importBundle(
      { campaigns: read.campaigns, profiles: read.profiles },
      "test",
    );
    // What `start` holds: the folder's lock (the database here is the test's template copy).
    bot = await holdFolderAsBot(app, dataDir);
  });

  afterAll(() => bot?.close());

  it("listens on an owner-only socket the lock names", () => {
    expect(app.lock?.holder.socket).toBe(bot!.control.path);
    expect(statSync(bot!.control.path).mode & 0o777).toBe(0o600);
  });

  it("takes a profile down in the bot: its next /prisoner and delivery pass show nothing of it", async () => {
    await ask("/subscribe 09:00 UTC");
    const featured = await profileShown("/today");
    expect(featured).toBeDefined();
    const lookup = await profileShown(`/prisoner ${featured}`);
    expect(lookup).toBe(featured);

    const result = await run("profiles", "takedown", featured!, "--reason", "family request");
    const tookDown = performance.now();
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(new RegExp(`^Taken down: ${featured} \\(`));

    expect(await profileShown(`/prisoner ${featured}`)).toBeUndefined();
    expect(await profileShown("/today")).not.toBe(featured);
    const output = new PassThrough();
    let posted = "";
    output.on("data", (chunk) => (posted += chunk));
    const delivery = app.delivery([createConsoleAdapter(output)]);
    now = new Date("2026-11-24T09:00:30Z"); // The subscription's post is due.
    const report = await delivery.runPass();
    expect(performance.now() - tookDown).toBeLessThan(1_000);
    expect(report.lines.some((l) => l.kind === "sent")).toBe(true);
    const stored = await app.repositories.catalog.getProfile(featured!);
    expect(posted).not.toContain(stored!.profile.displayName);
  });

  it("imports a file named relative to the other terminal's folder, seen by the next lookup", async () => {
    expect(await profileShown("/prisoner Zulfiyya Testova")).toBeUndefined();
    // The sample's Ilgar Mammadov under another id and name: a valid profile the catalog does not hold.
    const sample = readFileSync(join(SAMPLE, "profiles", "ilgar-mammadov.yaml"), "utf8").split("\n");
    const head = [
      "id: zulfiyya-testova",
      "campaign: free-to-be-home-2016",
      "displayName: Zulfiyya Testova",
      "names:",
      "  - { value: Zulfiyya Testova, kind: primary, script: Latn }",
    ];
    expect(sample[7]).toMatch(/^ {2}- \{ value: Ilgar Mammedov/);
    writeFileSync(join(dataDir, "new-profile.yaml"), [...head, ...sample.slice(8)].join("\n"));
    const result = await run("import", "new-profile.yaml");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("1 new");
    expect(await profileShown("/prisoner Zulfiyya Testova")).toBe("zulfiyya-testova");
  });

  it("prints the same refusals and exit codes as a command run alone", async () => {
    const missing = await run("profiles", "takedown", "nobody-by-this-id", "--reason", "x");
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr: 'freetobehome: No profile with id "nobody-by-this-id" (see: freetobehome profiles list).\n',
    });
    const usage = await run("profiles", "takedown", "--reason", "x");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^freetobehome: missing required argument 'id'\n\nUsage: freetobehome profiles takedown /,
    );
  });

  it("colours the bot's answer as the other terminal asks: on a terminal, and never with NO_COLOR", async () => {
    const argv = ["profiles", "restore", "nobody-by-this-id"];
    const coloured = await runIn(captureIo(dataDir, true), argv);
    expect(coloured.code).toBe(1);
    expect(coloured.stderr).toBe(
      '\x1b[31mfreetobehome:\x1b[39m No profile with id "nobody-by-this-id" (see: freetobehome profiles list).\n',
    );
    const plain = await runIn(captureIo(dataDir, true, { noColor: true }), argv);
    expect(plain).toEqual({
      code: 1,
      stdout: "",
      stderr: 'freetobehome: No profile with id "nobody-by-this-id" (see: freetobehome profiles list).\n',
    });
  });

  it("refuses a second bot on the same folder, naming the one that runs", async () => {
    // With a terminal, as a person starting a second console bot would.
    const second = await runIn(captureIo(dataDir, true), ["start"]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `a bot is already running on the embedded database in ${dataDir} (pid ${process.pid}`,
    );
  });
});
