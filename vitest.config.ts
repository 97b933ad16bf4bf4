import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Builds (or reuses) one migrated PGlite template that database tests load instead of migrating.
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
