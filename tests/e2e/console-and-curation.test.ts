/**
 * The "done when", through the command line on a fresh embedded database: the console answers
 * scripted commands with the sample campaign, a bad import is refused with file and path named and changes
 * nothing, and curation commands work. The bot owning the folder runs in this process and the commands
 * reach it as another terminal's do (tests/support/cli-io.ts); only the configuration check, which ends
 * the process before anything opens, runs the real binary.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOnNewFolder } from "../support/cli-io.ts";
import { runCli } from "./cli.ts";

let bot: Awaited<ReturnType<typeof botOnNewFolder>>;
let dir: string;
const run = (argv: string[], options: { input?: string } = {}) => bot.run(argv, options);

beforeAll(async () => {
  bot = await botOnNewFolder();
  dir = bot.dataDir;
});
afterAll(() => bot?.close());

describe("the command line on the embedded database", () => {
  it("answers scripted console commands with the sample campaign", async () => {
    const result = await run(["console"], { input: "/prisoner Məmmədov\n/today\n" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [card, today] = result.stdout.split(/\n(?=Today's featured family)/);
    expect(card).toContain("Ilgar Mammadov");
    expect(card).toMatch(/Status as of \d{1,2} \w+ \d{4}/);
    expect(card).toContain("Sources");
    expect(card).toContain("https://");
    expect(card).toContain("#FreeToBeHome");
    expect(today).toBeDefined();
    expect(today).toMatch(/Status as of/);
  }, 60_000);

  it("refuses an import with a bad field, naming the file and path, and changes nothing", async () => {
    const before = await run(["profiles", "list"]);
    expect(before.code).toBe(0);
    const bad = join(dir, "bad-profile.yaml");
    writeFileSync(
      bad,
      [
        "id: test-person",
        "campaign: free-to-be-home-2016",
        "displayName: Test Person",
        "names: [{ value: Test Person, kind: primary }]",
        "country: { code: AZ }",
        "summary: { text: A test., sources: [s1] }",
        "detentions:",
        "  - arrestDate: 2020-01-01",
        "    detainingCountry: AZ",
        "    status: jailed",
        "    statusAsOf: 2020-02-01",
        "    sources: [s1]",
        "sources: [{ id: s1, url: 'https://example.org/a', title: A, publisher: B }]",
        "lastVerifiedAt: 2026-11-01",
        "verifiedBy: test",
        "confidence: confirmed",
        "publication: { visibility: public }",
        "",
      ].join("\n"),
    );
    const result = await run(["import", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad-profile.yaml");
    expect(result.stderr).toContain("detentions[0].status");
    expect(result.stderr).toContain(":10");
    const after = await run(["profiles", "list"]);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).not.toContain("test-person");
  }, 60_000);

  it("takes a profile down and restores it, out of search in between", async () => {
    const down = await run(["profiles", "takedown", "ilgar-mammadov", "--reason", "family request"]);
    expect(down.code).toBe(0);
    const hidden = await run(["console"], { input: "/prisoner Mammadov\n" });
    expect(hidden.stdout).not.toContain("Status as of");
    expect((await run(["profiles", "restore", "ilgar-mammadov"])).code).toBe(0);
    const back = await run(["console"], { input: "/prisoner Mammadov\n" });
    expect(back.stdout).toContain("Ilgar Mammadov");
    expect(back.stdout).toContain("Status as of");
  }, 60_000);

  it("keeps the first takedown's reason, and restores only a taken-down profile", async () => {
    const first = await run(["profiles", "takedown", "oleg-sentsov", "--reason", "family request"]);
    expect(first.code).toBe(0);
    const again = await run(["profiles", "takedown", "oleg-sentsov", "--reason", "another"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^oleg-sentsov was already taken down on \S+ by cli:\S+: family request; nothing changed\.\n$/,
    );
    const exported = await run(["export"]);
    expect(exported.stdout).toContain("reason: family request");
    expect(exported.stdout).not.toContain("reason: another");

    expect((await run(["profiles", "restore", "oleg-sentsov"])).code).toBe(0);
    const twice = await run(["profiles", "restore", "oleg-sentsov"]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(
      "freetobehome: oleg-sentsov is not taken down; nothing changed (it is public).\n",
    );
  }, 60_000);

  it("never makes a profile its file withholds public through restore", async () => {
    const exported = await run(["export", "--format", "json"]);
    const bundle = JSON.parse(exported.stdout) as { profiles: { id: string; publication: object }[] };
    const withheld = bundle.profiles.find((p) => p.id === "khalil-matouk")!;
    withheld.publication = { visibility: "withheld" };
    const file = join(dir, "withheld.json");
    writeFileSync(file, JSON.stringify({ profiles: [withheld] }));
    expect((await run(["import", file])).code).toBe(0);

    const refused = await run(["profiles", "restore", "khalil-matouk"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("khalil-matouk is not taken down; nothing changed (it is withheld).");

    await run(["profiles", "takedown", "khalil-matouk", "--reason", "safety"]);
    const restored = await run(["profiles", "restore", "khalil-matouk"]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("stays withheld");
    const listed = await run(["profiles", "list"]);
    expect(listed.stdout).toMatch(/khalil-matouk .* withheld\n/);
  }, 60_000);

  it("refuses takedown without a reason, and unknown commands, with usage", async () => {
    const noReason = await run(["profiles", "takedown", "ilgar-mammadov"]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("--reason");
    const unknown = await run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: freetobehome");
  }, 60_000);

  it("stops start-up without a platform or a terminal, naming the variables to set (exit 2, settings)", async () => {
    const result = await run(["start"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.stderr).toContain("DISCORD_TOKEN");
    expect(result.stderr).toContain("SLACK_BOT_TOKEN");
  }, 60_000);

  it("lists every configuration problem at once and exits 2", async () => {
    const result = await runCli(["console"], {
      env: { DATA_DIR: join(dir, "unused"), HTTP_PORT: "x", DEFAULT_TIMEZONE: "Nowhere/Land" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("HTTP_PORT");
    expect(result.stderr).toContain("DEFAULT_TIMEZONE");
  });
});
