/**
 * `freetobehome panel link` run alone (no bot): the link, and the refusals that store nothing. The command
 * line runs in this process as main.ts runs it (tests/support/cli-io.ts): exit codes and output are the
 * point here, not the process; on an embedded database made from the run's migrated template.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliHere as runCli } from "../support/cli-io.ts";
import { unpackTemplateInto } from "../support/test-database.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-panel-link-"));
  unpackTemplateInto(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("panel link", () => {
  it("refuses a role it does not know, as a usage error", async () => {
    const result = await runCli(["panel", "link", "--name", "A", "--role", "owner"], {
      env: { DATA_DIR: dir },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--role.*owner.*viewer, editor, admin/s);
  });

  it("refuses without a panel address, then prints a link once PANEL_PORT is set", async () => {
    const refused = await runCli(["panel", "link", "--name", "Aysel", "--role", "viewer"], {
      env: { DATA_DIR: dir },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The panel is not served: set PANEL_PORT");
    const link = await runCli(["panel", "link", "--name", "Aysel", "--role", "viewer"], {
      env: { DATA_DIR: dir, PANEL_PORT: "18081" },
    });
    expect(link.code).toBe(0);
    // "new": the refused run stored no one.
    expect(link.stdout).toMatch(
      /^Sign-in link for Aysel \(viewer, new\), valid once until \d{4}-\d\d-\d\d \d\d:\d\d UTC:\nhttp:\/\/127\.0\.0\.1:18081\/sign-in\?token=[\w-]{43}\n$/,
    );
  }, 60_000);
});
