/**
 * The campaigns an operator sees and removes, from a second terminal while the bot owns the embedded
 * database (runHereOrInBot over the control socket): the sample the new database was seeded with is the
 * default only until a campaign of one's own is imported; `campaigns remove` refuses while anything
 * depends on a campaign, naming it, and with --move-to and --with-profiles moves and removes it all at once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client.ts";
import { createRepositories } from "../../../db/repositories/index.ts";
import { type App, createApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { parseConsoleLine } from "../../../platforms/console/parse.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { captureIo, holdFolderAsBot, runCommandLine } from "../../support/cli-io.ts";
import { openPgliteTestDatabase } from "../../support/test-database.ts";

const MATOUK = fileURLToPath(new URL("../../../data/profiles/khalil-matouk.yaml", import.meta.url));
const SAMPLE = "free-to-be-home-2016";
const OWN = "own-2026";

/** A campaign of one's own, with one profile: Khalil Matouk's file under another id and name, verified lately. */
function writeOwnCampaign(folder: string): void {
  writeFileSync(
    join(folder, "campaign.yaml"),
    [
      `id: ${OWN}`,
      "name: Our own campaign",
      'hashtag: "#OurOwn"',
      "description: The families we campaign for.",
      "url: https://example.org/our-own",
      'shareText: "{name} should be home. #OurOwn"',
    ].join("\n"),
  );
  const lines = readFileSync(MATOUK, "utf8").split("\n");
  expect(lines.slice(0, 4)).toEqual([
    "id: khalil-matouk",
    `campaign: ${SAMPLE}`,
    "displayName: Khalil Matouk",
    "names:",
  ]);
  const head = [
    "id: own-person",
    `campaign: ${OWN}`,
    "displayName: Own Person",
    "names:",
    "  - { value: Own Person, kind: primary, script: Latn }",
  ];
  const body = lines
    .slice(7)
    .map((l) => (l.startsWith("lastVerifiedAt:") ? 'lastVerifiedAt: "2026-11-20"' : l));
  writeFileSync(join(folder, "own-person.yaml"), [...head, ...body].join("\n"));
}

describe("campaigns from the command line", () => {
  let dataDir: string;
  let app: App;
  let bot: Awaited<ReturnType<typeof holdFolderAsBot>> | undefined;
  const run = (...argv: string[]) => runCommandLine(app.config, captureIo(dataDir), argv);
  const ask = async (line: string): Promise<Reply> => {
    const parsed = parseConsoleLine(line);
    if (parsed.kind !== "command") throw new Error(`not a command: ${line}`);
    return app.dispatch(parsed.invocation);
  };
  const textOf = (reply: Reply) => (reply.kind === "text" ? reply.text : JSON.stringify(reply));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ftbh-campaigns-"));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    // What `start` opens: a new embedded database, seeded with the sample campaign.
    app = await createApp(config, {
      logger: createMemoryLogger(),
      clock: { now: () => new Date("2026-11-24T08:00:00Z") },
      database: await openPgliteTestDatabase(),
      seedSample: true,
    });
    bot = await holdFolderAsBot(app, dataDir);
  });

  afterAll(() => bot?.close());

  it("lists the sample a new database was given: the default while it is the only campaign", async () => {
    const result = await run("campaigns", "list");
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "id                    name                  hashtag        default  historical     profiles  subscriptions",
        "--------------------  --------------------  -------------  -------  -------------  --------  -------------",
        "free-to-be-home-2016  #FreeToBeHome (2016)  #FreeToBeHome  yes      as of 2016-12  10        0",
        "",
      ].join("\n"),
    });
  });

  it("makes a campaign of one's own the default once it is imported, for /subscribe and the list", async () => {
    writeOwnCampaign(dataDir);
    const imported = await run("import", "campaign.yaml", "own-person.yaml");
    expect(imported).toMatchObject({ code: 0, stderr: "" });

    expect(textOf(await ask("/help"))).toContain("Our own campaign (#OurOwn): The families we campaign for.");
    expect(textOf(await ask("/subscribe 09:00 UTC"))).toContain("the daily featured family of #OurOwn");
    const today = await ask("/today");
    expect(today.kind === "card" && today.card.profileId).toBe("own-person");
    expect((await app.repositories.subscriptions.list()).map((s) => s.campaignId)).toEqual([OWN]);
    const listed = (await run("campaigns", "list")).stdout.split("\n");
    expect(listed.slice(2, 4)).toEqual([
      "free-to-be-home-2016  #FreeToBeHome (2016)  #FreeToBeHome  no       as of 2016-12  10        0",
      "own-2026              Our own campaign      #OurOwn        yes      no             1         1",
    ]);
  });

  it("refuses to remove a campaign subscriptions follow or profiles belong to, naming them; nothing changes", async () => {
    await ask("/subscribe 09:00 UTC free-to-be-home-2016");
    await ask("/unsubscribe");
    await ask("/schedule Khalil Matouk 2026-12-10");
    const before = await run("campaigns", "list");

    const refused = await run("campaigns", "remove", SAMPLE);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /^freetobehome: Campaign "free-to-be-home-2016" was not removed; nothing changed\.\n/,
    );
    expect(refused.stderr).toContain("  1 subscription(s) follow it: console:local (stopped).\n");
    expect(refused.stderr).toContain(
      "Move them to another campaign with --move-to <id> (campaigns: own-2026).",
    );
    expect(refused.stderr).toContain("It holds 10 profile(s): ");
    expect(refused.stderr).toMatch(
      /Spotlights set on them: #\d+ khalil-matouk in console:local on 2026-12-10 \(scheduled\)\./,
    );
    expect(refused.stderr).toContain("Add --with-profiles to remove them with it");

    const stillProfiles = await run("campaigns", "remove", SAMPLE, "--move-to", OWN);
    expect(stillProfiles.code).toBe(1);
    expect(stillProfiles.stderr).not.toContain("--move-to <id>");
    expect(stillProfiles.stderr).toContain("--with-profiles");
    expect(await run("campaigns", "list")).toEqual(before);
  });

  it("names the campaigns there are for an unknown id, and refuses misuse as usage", async () => {
    expect(await run("campaigns", "remove", "nope")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'freetobehome: No campaign "nope". Campaigns: free-to-be-home-2016, own-2026.\n',
    });
    const target = await run("campaigns", "remove", SAMPLE, "--move-to", SAMPLE, "--with-profiles");
    expect(target.stderr).toBe(
      'freetobehome: --move-to "free-to-be-home-2016" is not another campaign (it is the one being removed); ' +
        "nothing changed. Campaigns to move to: own-2026.\n",
    );
    expect((await run("campaigns", "remove")).code).toBe(2);
    expect((await run("campaigns", "remove", "a", "b")).stderr).toMatch(
      /^freetobehome: campaigns remove takes one id \(unexpected: "b"\)/,
    );
    expect((await run("campaigns", "list", "--all")).stderr).toMatch(
      /^freetobehome: unknown option '--all'\n/,
    );
    expect((await run("campaigns")).code).toBe(2);
  });

  it("moves the subscriptions and removes the profiles and spotlights in one go, audited with the operator", async () => {
    const removed = await run("campaigns", "remove", SAMPLE, "--move-to", OWN, "--with-profiles");
    expect(removed).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Removed campaign free-to-be-home-2016 (#FreeToBeHome (2016)).",
        "  1 subscription(s) moved to own-2026: console:local (stopped).",
        "  10 profile(s) and 1 spotlight(s) removed with it.",
        "  The default campaign is own-2026.",
        "",
      ].join("\n"),
    });
    const [entry] = await app.repositories.audit.list({ entityType: "campaign", entityId: SAMPLE, limit: 1 });
    expect(entry).toMatchObject({ action: "campaign.removed", actor: "cli:curator" });
    expect((await ask("/prisoner Khalil Matouk")).kind).not.toBe("card");
    expect((await run("campaigns", "list")).stdout.split("\n").slice(2)).toEqual([
      "own-2026  Our own campaign  #OurOwn  yes      no          1         1 (0 active)",
      "",
    ]);
  });
});

describe("the sample campaign on a new embedded database", () => {
  const config = loadConfig({ DATA_DIR: "unused", LOG_LEVEL: "warn" });
  const open = async (database: Database) =>
    createApp(config, { logger: createMemoryLogger(), database, seedSample: true });
  const campaignIds = async (app: App) => (await app.repositories.catalog.listCampaigns()).map((c) => c.id);

  it("is imported into a database never used, and not again once the operator removed it", async () => {
    const database = await openPgliteTestDatabase();
    const first = await open(database);
    try {
      expect(await campaignIds(first)).toEqual([SAMPLE]);
      const request = { withProfiles: true, actor: "cli:ops", at: new Date() };
      expect((await first.repositories.campaigns.remove(SAMPLE, request)).kind).toBe("removed");
      const again = await open(database);
      expect(await campaignIds(again)).toEqual([]);
    } finally {
      await first.close();
    }
  });

  it("is not imported into a database whose audit log shows it was used", async () => {
    const database = await openPgliteTestDatabase();
    const repositories = createRepositories(database.db);
    await repositories.audit.record({
      at: new Date(),
      actor: "cli:ops",
      action: "campaign.removed",
      entityType: "campaign",
      entityId: "ours",
    });
    const app = await open(database);
    try {
      expect(await campaignIds(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
