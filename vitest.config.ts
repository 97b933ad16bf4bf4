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
    // Builds (or reuses) one migrated PGlite template that database tests load instead of migrating.
    // Every project runs it (it provides the template's path to its own files); only the first run builds.
    globalSetup: ["tests/support/global-setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // No database, no spawned process: the core, commands, the import rules, each adapter against fakes.
          include: [
            "tests/unit/**/*.test.ts",
            "tests/architecture/**/*.test.ts",
            "tests/platforms/**/*.test.ts",
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
