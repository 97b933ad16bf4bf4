/**
 * The "done when", through the real command line on a fresh embedded database: the console answers
 * scripted commands with the sample campaign, a bad import is refused with file and path named and changes
 * nothing, and curation commands work.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-cli-"));
  env = { DATA_DIR: join(dir, "data") };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the command line on the embedded database", () => {
  it("answers scripted console commands with the sample campaign", async () => {
    const result = await runCli(["console"], { env, input: "/prisoner Məmmədov\n/today\n" });
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
    const before = await runCli(["profiles", "list"], { env });
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
    const result = await runCli(["import", bad], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad-profile.yaml");
    expect(result.stderr).toContain("detentions[0].status");
    expect(result.stderr).toContain(":10");
    const after = await runCli(["profiles", "list"], { env });
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).not.toContain("test-person");
  }, 60_000);

  it("takes a profile down and restores it, out of search in between", async () => {
    const down = await runCli(["profiles", "takedown", "ilgar-mammadov", "--reason", "family request"], {
      env,
    });
    expect(down.code).toBe(0);
    const hidden = await runCli(["console"], { env, input: "/prisoner Mammadov\n" });
    expect(hidden.stdout).not.toContain("Status as of");
    expect((await runCli(["profiles", "restore", "ilgar-mammadov"], { env })).code).toBe(0);
    const back = await runCli(["console"], { env, input: "/prisoner Mammadov\n" });
    expect(back.stdout).toContain("Ilgar Mammadov");
    expect(back.stdout).toContain("Status as of");
  }, 60_000);

  it("keeps the first takedown's reason, and restores only a taken-down profile", async () => {
    const first = await runCli(["profiles", "takedown", "oleg-sentsov", "--reason", "family request"], {
      env,
    });
    expect(first.code).toBe(0);
    const again = await runCli(["profiles", "takedown", "oleg-sentsov", "--reason", "another"], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^oleg-sentsov was already taken down on \S+ by cli:\S+: family request; nothing changed\.\n$/,
    );
    const exported = await runCli(["export"], { env });
    expect(exported.stdout).toContain("reason: family request");
    expect(exported.stdout).not.toContain("reason: another");

    expect((await runCli(["profiles", "restore", "oleg-sentsov"], { env })).code).toBe(0);
    const twice = await runCli(["profiles", "restore", "oleg-sentsov"], { env });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(
      "freetobehome: oleg-sentsov is not taken down; nothing changed (it is public).\n",
    );
  }, 60_000);

  it("never makes a profile its file withholds public through restore", async () => {
    const exported = await runCli(["export", "--format", "json"], { env });
    const bundle = JSON.parse(exported.stdout) as { profiles: { id: string; publication: object }[] };
    const withheld = bundle.profiles.find((p) => p.id === "khalil-matouk")!;
    withheld.publication = { visibility: "withheld" };
    const file = join(dir, "withheld.json");
    writeFileSync(file, JSON.stringify({ profiles: [withheld] }));
    expect((await runCli(["import", file], { env })).code).toBe(0);

    const refused = await runCli(["profiles", "restore", "khalil-matouk"], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("khalil-matouk is not taken down; nothing changed (it is withheld).");

    await runCli(["profiles", "takedown", "khalil-matouk", "--reason", "safety"], { env });
    const restored = await runCli(["profiles", "restore", "khalil-matouk"], { env });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("stays withheld");
    const listed = await runCli(["profiles", "list"], { env });
    expect(listed.stdout).toMatch(/khalil-matouk .* withheld\n/);
  }, 60_000);

  it("refuses takedown without a reason, and unknown commands, with usage", async () => {
    const noReason = await runCli(["profiles", "takedown", "ilgar-mammadov"], { env });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("--reason");
    const unknown = await runCli(["frobnicate"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: freetobehome");
  }, 60_000);

  it("stops start-up without a platform or a terminal, naming the variables to set (exit 2, settings)", async () => {
    const result = await runCli(["start"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.stderr).toContain("DISCORD_TOKEN");
    expect(result.stderr).toContain("SLACK_BOT_TOKEN");
  }, 60_000);

  it("lists every configuration problem at once and exits 2", async () => {
    const result = await runCli(["console"], {
      env: { ...env, HTTP_PORT: "x", DEFAULT_TIMEZONE: "Nowhere/Land" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("HTTP_PORT");
    expect(result.stderr).toContain("DEFAULT_TIMEZONE");
  });
});
