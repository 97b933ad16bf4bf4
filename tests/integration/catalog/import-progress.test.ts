/**
 * What an import tells the operator while it runs, through the real app on PGlite: files read and profiles
 * checked as they are written, on a terminal; on a pipe only the names of skipped entries. Skipped
 * entries are named even when the import is then refused.
 */
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type App, createApp } from "../../../src/app.ts";
import { importFiles } from "../../../src/cli/import.ts";
import { createProgress } from "../../../src/cli/progress.ts";
import { loadConfig } from "../../../src/config.ts";
import { ImportError } from "../../../src/core/errors.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { recordingStream } from "../../fakes/recording-stream.ts";
import { mkfifo, withinDeadline } from "../../support/named-pipes.ts";
import { openPgliteTestDatabase, truncateAll } from "../../support/test-database.ts";
import { tempFolder, validCampaign, validProfile } from "../../unit/catalog/fixtures.ts";

let app: App;
beforeAll(async () => {
  app = await createApp(loadConfig({}), {
    logger: createMemoryLogger(),
    database: await openPgliteTestDatabase(),
  });
});
afterAll(() => app.close());
beforeEach(() => truncateAll(app.database.db));

/** Three files (a campaign and two profiles) and a named pipe; the pipe is never opened. */
async function folder(extra: Record<string, string> = {}) {
  const dir = await tempFolder({
    "a-campaign.yaml": stringify(validCampaign()),
    "b-one.yaml": stringify(validProfile({ id: "one" })),
    "c-two.yaml": stringify(validProfile({ id: "two" })),
    ...extra,
  });
  mkfifo(path.join(dir, "d-pipe.yaml"));
  return dir;
}

describe("import progress", () => {
  it("on a terminal: files read and profiles checked as they are written, all erased at the end", async () => {
    const dir = await folder();
    // The clock stands still: updates in between are dropped, the first and the last count are shown.
    const { stream, now } = recordingStream(true, 200);
    const progress = createProgress(stream, { now });
    const options = { cwd: process.cwd(), actor: "test", progress };
    const report = await withinDeadline(importFiles(app.repositories.catalog, [dir], options), 25_000);
    progress.clear();

    const skipped = `freetobehome: skipped ${path.join(dir, "d-pipe.yaml")}: a named pipe (FIFO), not a regular file`;
    const line = (text: string) => `\r${text}\x1b[K`;
    const erase = "\r\x1b[K";
    expect(stream.written).toBe(
      `${skipped}\n` +
        line("Importing: 1/3 file(s) read, 0 profile(s) checked") +
        line("Importing: 3/3 file(s) read, 2 profile(s) checked") +
        erase,
    );
    expect(report).toMatch(/^Imported 3 file\(s\) \(1 skipped, named on stderr\)\.\n/);
    expect((await app.repositories.catalog.listProfiles()).map((s) => s.profile.id).sort()).toEqual([
      "one",
      "two",
    ]);
  });

  it("on a pipe: no status at all, only the skipped entry, also when the import is refused", async () => {
    const dir = await folder({
      "e-bad.yaml": stringify(validProfile({ id: "three", confidence: "sure" as never })),
    });
    const { stream, now } = recordingStream(false);
    const progress = createProgress(stream, { now });
    await expect(
      withinDeadline(
        importFiles(app.repositories.catalog, [dir], { cwd: process.cwd(), actor: "test", progress }),
        25_000,
      ),
    ).rejects.toBeInstanceOf(ImportError);
    expect(stream.written).toBe(
      `freetobehome: skipped ${path.join(dir, "d-pipe.yaml")}: a named pipe (FIFO), not a regular file\n`,
    );
    expect(await app.repositories.catalog.listProfiles()).toEqual([]);
  });
});
