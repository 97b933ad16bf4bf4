/**
 * `import` through the command line, where the exit code and what lands on stderr are the point: a file
 * that is not UTF-8 refuses the whole import with file:line and byte offset, a named pipe given by name
 * is refused instead of waited on, and one in a folder is named and skipped, with nothing else on a piped
 * stderr. The command line runs in this process as main.ts runs it (tests/support/cli-io.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { mkfifo, withinDeadline } from "../support/named-pipes.ts";
import { validCampaign, validProfile } from "../unit/catalog/fixtures.ts";
import { runCliHere as runCli } from "../support/cli-io.ts";
import { unpackTemplateInto } from "../support/test-database.ts";

// Each run of the command line opens the embedded database (a second or more); the first finds it made.
let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-cli-import-"));
  env = { DATA_DIR: join(dir, "data") };
  unpackTemplateInto(env.DATA_DIR!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder under the test folder holding a campaign, one valid profile of it, and `files`. */
function folder(name: string, files: Record<string, string | Buffer> = {}): string {
  const at = join(dir, name);
  mkdirSync(at);
  const all = {
    "campaign.yaml": stringify(validCampaign({ id: `${name}-campaign` })),
    "good.yaml": stringify(validProfile({ id: `${name}-person`, campaign: `${name}-campaign` })),
    ...files,
  };
  for (const [file, content] of Object.entries(all)) writeFileSync(join(at, file), content);
  return at;
}

const listed = async () => (await runCli(["profiles", "list"], { env })).stdout;

describe("import on the command line", () => {
  it("refuses a file that is not UTF-8 with file:line and byte offset, exit 1, and stores nothing", async () => {
    // A valid profile but for its encoding: a lenient reader would store "Caf\uFFFD Owner".
    const { id, campaign, displayName, ...rest } = validProfile();
    const text = `id: cafe\ncampaign: utf8-campaign\ndisplayName: Café Owner\n${stringify(rest)}`;
    const latin1 = Buffer.from(text, "latin1");
    folder("utf8", { "latin1.yaml": latin1 });
    const result = await runCli(["import", "utf8"], { env, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "utf8/latin1.yaml:3 (document): not valid UTF-8 at byte offset 49 (0xE9 0x20); save the file as UTF-8",
    );
    expect(result.stdout).toBe("");
    // The valid profile beside the bad file is not stored either: all or nothing.
    const stored = await listed();
    expect(stored).not.toContain("utf8-person");
    expect(stored).not.toContain("cafe");
  }, 180_000);

  it("refuses a named pipe given by name at once, exit 1, instead of waiting for a writer", async () => {
    mkfifo(join(dir, "pipe.yaml"));
    const result = await withinDeadline(runCli(["import", "pipe.yaml"], { env, cwd: dir }), 120_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "pipe.yaml (document): not read: a named pipe (FIFO), not a regular file; give a .yaml, .yml or .json file, or a folder",
    );
  }, 180_000);

  it("names and skips a named pipe in a folder, imports the rest, and adds nothing else to a piped stderr", async () => {
    const at = folder("pipes");
    mkfifo(join(at, "pipe.yaml"));
    const result = await withinDeadline(runCli(["import", "pipes"], { env, cwd: dir }), 120_000);
    expect(result.stderr).toBe(
      "freetobehome: skipped pipes/pipe.yaml: a named pipe (FIFO), not a regular file\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 2 file\(s\) \(1 skipped, named on stderr\)\.\n/);
    expect(result.stdout).toContain("profiles:  1 new");
  }, 180_000);
});
