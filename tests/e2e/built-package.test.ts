/**
 * The built package, run as an installed copy would be: `npm run build` into a folder outside the checkout
 * (or a copy of the checkout's dist/ while no source is newer than it) holding only what the package
 * carries (package.json, its `files` and its dependencies), run from an unrelated working directory. It
 * must find its migrations, sample data and message catalogs inside itself.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsCurrent } from "../../bin/build-is-current.js";
import { runCli, runProcess } from "./cli.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
  files: string[];
  bin: Record<string, string>;
};

/** A profile for the sample campaign, imported by a path relative to the working directory. */
const PROFILE = `id: test-person
campaign: free-to-be-home-2016
displayName: Test Person
names: [{ value: Test Person, kind: primary }]
country: { code: AZ }
summary: { text: A test., sources: [s1] }
detentions:
  - arrestDate: 2020-01-01
    detainingCountry: AZ
    status: sentenced
    statusAsOf: 2020-02-01
    sources: [s1]
sources: [{ id: s1, url: 'https://example.org/a', title: A, publisher: B }]
lastVerifiedAt: 2024-11-01
verifiedBy: test
confidence: confirmed
publication: { visibility: public }
`;

let root: string;
let run: (args: string[], input?: string) => ReturnType<typeof runCli>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "ftbh-package-"));
  const pkg = join(root, "package");
  const cwd = join(root, "elsewhere");
  mkdirSync(cwd);
  if (buildIsCurrent(REPO)) {
    // The checkout's dist/ is newer than every source: what a build now would write, so a copy of it,
    // without the template of a new database that `npm install` adds (the package here makes its own).
    const template = join(REPO, "dist", "pglite");
    cpSync(join(REPO, "dist"), join(pkg, "dist"), { recursive: true, filter: (from) => from !== template });
  } else {
    // --noCheck: tsc emits the same JavaScript without type checking it (isolatedModules), in about a
    // quarter of the time; `npm run typecheck` is what checks the types.
    const outDir = join(pkg, "dist");
    const build = await runProcess("npm", ["run", "build", "--", "--outDir", outDir, "--noCheck"], {
      cwd: REPO,
    });
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  cpSync(join(REPO, "package.json"), join(pkg, "package.json"));
  for (const entry of manifest.files) {
    if (entry !== "dist") cpSync(join(REPO, entry), join(pkg, entry), { recursive: true });
  }
  symlinkSync(join(REPO, "node_modules"), join(pkg, "node_modules"));
  const bin = join(pkg, manifest.bin.freetobehome ?? "");
  const env = { DATA_DIR: join(root, "data") };
  run = (args, input) => runCli(args, { bin, cwd, env, ...(input === undefined ? {} : { input }) });
  writeFileSync(join(cwd, "new-profile.yaml"), PROFILE);
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the built package, outside the checkout", () => {
  it("applies the migrations it carries", async () => {
    const result = await run(["migrate"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`Migrations applied (embedded database in ${join(root, "data")}).\n`);
    expect(result.code).toBe(0);
  }, 60_000);

  it("seeds the sample campaign it carries and answers the console", async () => {
    const result = await run(["console"], "/today\n/quit\n");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Today's featured family \(/);
    expect(result.stdout).toContain("#FreeToBeHome (2016)");
    expect(result.stdout).toMatch(/Status as of \w+/);
    expect(result.code).toBe(0);
  }, 60_000);

  it("imports a file named relative to the working directory", async () => {
    const result = await run(["import", "new-profile.yaml"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Imported 1 file(s).");
    expect(result.stdout).toContain("profiles:  1 new, 0 changed, 0 unchanged");
    expect(result.code).toBe(0);
  }, 60_000);

  it("lists the sample profiles and the imported one", async () => {
    const result = await run(["profiles", "list"]);
    expect(result.stderr).toBe("");
    const ids = result.stdout
      .split("\n")
      .slice(2)
      .map((line) => line.split(" ")[0])
      .filter(Boolean);
    expect(ids).toContain("ilgar-mammadov");
    expect(ids).toContain("test-person");
    expect(result.code).toBe(0);
  }, 60_000);
});
