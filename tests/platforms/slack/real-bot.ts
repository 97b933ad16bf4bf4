/**
 * The real commands, dispatcher and services over in-memory repositories loaded with the shipped sample
 * campaign (as the command tests build them), for end-to-end tests that go through Slack and back.
 */
import { fileURLToPath } from "node:url";
import { commands } from "../../../commands/index.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { createDispatcher } from "../../../src/dispatch.ts";
import { createBotServices } from "../../../src/services/create-services.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));

export async function createRealBot(now = new Date("2026-11-24T12:00:00Z")) {
  const repositories = createMemoryRepositories();
  const read = await readImportFiles([SAMPLE]);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  await repositories.catalog.importBundle({ campaigns: read.campaigns, profiles: read.profiles }, "test");
  const services = createBotServices(repositories, {
    clock: { now: () => now },
    defaults: { postTime: "09:00", timezone: "UTC" },
    staleAfterDays: 90,
  });
  const logger = createMemoryLogger();
  return { commands, repositories, logger, dispatch: createDispatcher({ commands, services, logger }) };
}
