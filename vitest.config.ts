import { configDefaults, defineConfig } from "vitest/config";

/**
 * Four projects, split by folder, so each kind can run alone (`npm run test:unit`, `test:integration`,
 * `test:e2e`) while `npm test` still runs every file exactly once. Each project extends this root config,
 * so all three share the timeouts, the pool and the global setup below.
 */
const E2E_FILES = ["tests/e2e/**/*.test.ts", "tests/**/*.e2e.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time. Vitest's default is one fewer than the cores, which on a 2-core machine ran
    // every file in turn while most of them wait (on spawned processes, the Postgres server, a timer).
    maxWorkers: 2,
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
          // A real database (PGlite or Postgres), the control socket, the CLI's parts wired together.
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...E2E_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          // The whole app against the fake platform servers, and the real binary spawned.
          include: E2E_FILES,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          // The staff panel in Chromium (playwright-core and the system's browser; skipped without one).
          include: ["tests/browser/**/*.test.ts"],
        },
      },
    ],
  },
});
