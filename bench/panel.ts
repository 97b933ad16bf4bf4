/**
 * `npm run bench:panel [-- --profiles N] [--subscriptions N] [--requests N] [--days N]
 *   [--database-url postgres://…] [--json] [--seed N] [--pages deliveries,…] [--help]` (bench/panel-args.ts)
 *
 * The staff panel at scale (issue 17, "Fast"): a database with 50,000 generated profiles (bench:catalog's
 * generator), 10,000 subscriptions, a spotlight a day for a month and `--days` days of sent posts for
 * every subscription; the panel served in process over HTTP as `start` serves it, signed in as an admin,
 * then each page asked N times in turn (after one unmeasured warm-up). Prints p50/p95/max per page as a
 * table or JSON (`--pages` measures only some). Not a test: the figures depend on the machine. PGlite in a
 * temporary folder by default; with --database-url, a fresh database made on that server and dropped at
 * the end.
 */
import { benchDatabase } from "./bench-database.ts";
import { type PanelArgs, parsePanelArgs, USAGE } from "./panel-args.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app.ts";
import { staffAccess } from "../src/app-panel.ts";
import { panelDeps } from "../src/app-panel-deps.ts";
import { cardPreviews, messageLink } from "../src/app-panel-previews.ts";
import { loadConfig } from "../src/config.ts";
import { startPanelServer } from "../src/panel/server.ts";
import { createLogger } from "../src/ops/logger.ts";
import { type PanelReport, panelPages, percentiles, printPanelReport } from "./panel-report.ts";
import { seedPanelData } from "./panel-seed.ts";

let args: PanelArgs;
try {
  args = parsePanelArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const { profiles, subscriptions: subscriptionCount, requests, days, seed, databaseUrl: serverUrl } = args;
const asJson = args.json;
const say = (line: string) => process.stderr.write(`${line}\n`);

const work = mkdtempSync(join(tmpdir(), "ftbh-bench-panel-"));
const database = await benchDatabase(serverUrl, work, "panel");
const logger = createLogger({ level: "warn", stream: "stderr" });
try {
  const app = await createApp(loadConfig(database.env), { logger, owner: "bench" });
  try {
    const seeded = await seedPanelData(app, { profiles, subscriptions: subscriptionCount, days, seed }, say);
    await app.database.db.execute(sql`analyze`);
    say("Serving the panel and signing in...");
    const server = await startPanelServer(
      { ...panelDeps(app), previews: cardPreviews, messageLink },
      { host: "127.0.0.1", port: 0 },
      { requestLimit: { limit: 1_000_000, windowMs: 60_000 } },
    );
    try {
      const { token } = await staffAccess(app).issueLink({ name: "Bench", role: "admin", actor: "bench" });
      const signIn = await fetch(`${server.url}/sign-in`, {
        method: "POST",
        body: new URLSearchParams({ token }),
        redirect: "manual",
      });
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const pages = panelPages(seeded, args.pages);
      const results: PanelReport["pages"] = [];
      for (const page of pages) {
        const get = async () => {
          const res = await fetch(`${server.url}${page.path}`, { headers: { cookie }, redirect: "manual" });
          const body = await res.text();
          if (res.status !== 200)
            throw new Error(`${page.path} answered ${res.status}: ${body.slice(0, 300)}`);
          return body.length;
        };
        const bytes = await get();
        const samples: number[] = [];
        for (let i = 0; i < requests; i += 1) {
          const started = performance.now();
          await get();
          samples.push(performance.now() - started);
        }
        const figures = { name: page.name, path: page.path, bytes, ...percentiles(samples) };
        results.push(figures);
        say(`${page.name}: p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms`);
      }
      printPanelReport(
        {
          database: serverUrl ? "postgres" : "pglite",
          profiles: seeded.profiles,
          subscriptions: seeded.subscriptions,
          deliveries: seeded.deliveries,
          requests,
          pages: results,
        },
        asJson,
      );
    } finally {
      await server.close();
    }
  } finally {
    await app.close();
  }
} finally {
  await database.drop();
  rmSync(work, { recursive: true, force: true });
}
