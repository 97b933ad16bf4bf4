import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Four projects, split by folder, so each kind can run alone (`npm run test:unit`, `test:integration`,
 * `test:e2e`) while `npm test` still runs every file exactly once. Each project extends this root config,
 * so all three share the timeouts, the pool and the global setup below.
 */
const E2E_FILES = ["tests/e2e/**/*.test.ts", "tests/**/*.e2e.test.ts"];

/**
 * The files that take longest (measured: tens of seconds each, most of it spawned processes and large
 * imports) start first within their project, so none of them starts last and keeps the run going alone
 * at its end. Without earlier results (a fresh clone) vitest would otherwise order by file size. The
 * process test leads: it is the longest in a full run (its workers are killed at timed moments and wait
 * on a slow sink), though much of that is waiting, which the CPU-heavy files behind it fill.
 */
const LONGEST_FIRST = [
  "delivery/processes.test.ts",
  "catalog-scale.pglite.test.ts",
  "catalog-scale.postgres.test.ts",
  "e2e/start-and-stop.test.ts",
  "e2e/built-package.test.ts",
  "db/large-import.test.ts",
  "browser/console-takedown.test.ts",
  "delivery/pass.test.ts",
  "e2e/cli-refusals.test.ts",
  "browser/panel.test.ts",
  "delivery/outage.test.ts",
];

/**
 * Files are handed out project by project. Vitest keeps a worker for the next file only when that file
 * is of the same project (a project's files share a module graph, isolate: false); a file of another
 * project ends the worker and starts a new one, which loads the app's modules again and loses the test
 * databases it kept (tests/support/pglite-pool.ts). Ordered by length alone, the projects alternated
 * all through the run. Integration leads, with the process test; unit, many short files, fills the end.
 */
const PROJECT_ORDER = ["integration", "e2e", "browser", "unit"];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rankIn = (list: string[], found: (entry: string) => boolean) => {
      const at = list.findIndex(found);
      return at < 0 ? list.length : at;
    };
    const project = (file: TestSpecification) => rankIn(PROJECT_ORDER, (name) => name === file.project.name);
    const rank = (file: TestSpecification) => rankIn(LONGEST_FIRST, (name) => file.moduleId.endsWith(name));
    return (await super.sort(files)).sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Three files at a time on this 2-core machine: most files spend much of their time waiting (on spawned
    // processes, the Postgres server, a timer). Vitest's default, one fewer than the cores, ran them in turn.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    // The WebAssembly tier-up budget the app itself sets before it opens PGlite (WASM_TIERING_BUDGET in
    // db/pglite-open.ts; see why there), so the test workers run PGlite as the bot does: the test
    // databases are opened without openPglite, and the workers compiled Postgres's module at V8's default,
    // recompiling hot functions with TurboFan on other threads. Measured on four PGlite-heavy files
    // (catalog-scale.pglite, large-import, pglite, pass), twice each way: CPU 18.7 and 17.8 s → 14.5 and 14.6 s.
    execArgv: ["--wasm-tiering-budget=2147483647"],
    // Transformed modules kept on disk between runs, keyed by each file's content, so a run transforms
    // only what changed since the last one (measured on 45 files: about 1.5-2.5 s less CPU, 3 s less wall;
    // the first run after a change pays a little more). In the checkout's tmp/ (ignored by git), not in
    // node_modules, which a worktree may share with other checkouts. `vitest --clearCache` empties it.
    experimental: { fsModuleCache: true, fsModuleCachePath: "tmp/vitest-module-cache" },
    // Builds (or reuses) one migrated PGlite template that database tests load instead of migrating.
    // Every project runs it (it provides the template's path to its own files); only the first run builds.
    globalSetup: ["tests/support/global-setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Pure code and fakes: one module graph per worker instead of one per file (each file's imports
          // cost more than its tests). The files clean up what they change (timers, env stubs).
          isolate: false,
          // No database, no spawned process: the core, commands, the import rules, each adapter against fakes,
          // and the contract every adapter keeps (tests/contracts: real libraries against the local fakes).
          include: [
            "tests/unit/**/*.test.ts",
            "tests/architecture/**/*.test.ts",
            "tests/platforms/**/*.test.ts",
            "tests/contracts/**/*.test.ts",
          ],
          exclude: [...configDefaults.exclude, ...E2E_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // As in unit: one module graph per worker rather than one per file (loading the sources, PGlite
          // and the platforms' clients again for each file cost more CPU than many files' tests). Each
          // file opens and closes its own databases, servers and folders; none stubs a module or the env.
          isolate: false,
          // A real database (PGlite or Postgres), the control socket, the CLI's parts wired together.
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...E2E_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          isolate: false, // as in integration
          // The whole app against the fake platform servers, and the real binary spawned.
          include: E2E_FILES,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          // As in integration: each file starts its own app, panel server and Chromium and closes them, and
          // none stubs a module, the env or a global; isolated, every file loaded the app again (about a
          // second of CPU each) and restored its own database.
          isolate: false,
          // The staff panel in Chromium (playwright-core and the system's browser; skipped without one).
          include: ["tests/browser/**/*.test.ts"],
        },
      },
    ],
  },
});
