/**
 * `npm run bench:burst [-- --commands N --chats N --over S --load --json --database-url URL]`: a burst of `/prisoner
 * <name>` commands (2,000 from 200 Telegram groups by default) through the whole bot: the real app on
 * PGlite (or a scratch Postgres database) with the sample campaign, telegraf long-polling the fake Bot API.
 * The fake runs on a worker thread (burst-fake.ts) and times each command from the moment it is queued to
 * the moment the bot's answer quoting it arrives, as a person waiting for it would. The commands are queued
 * at once (or, with --over S, evenly over S seconds), after one warm-up command has loaded the catalog. With --load, one spinning process per core
 * keeps the machine busy (busy-load.ts). It prints what it measured; it asserts nothing. With --json, stdout
 * holds exactly one JSON object and progress goes to stderr. BURST_STATEMENTS=1 also prints the ten
 * statements the database ran most during the burst (to stderr), to see what a command still asks.
 */
import { createApp } from "../src/app.ts";
import { createPlatformAdapters } from "../src/app-platforms.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/ops/logger.ts";
import { parseBurstArgs, BURST_USAGE } from "./burst-args.ts";
import { startBurstFake } from "./burst-fake.ts";
import { type BusyLoad, startBusyLoad } from "./busy-load.ts";
import { openBenchDatabase } from "./fanout-database.ts";
import { summarizeLatencies } from "./command-timing.ts";
import { watchEventLoop } from "./fanout-probe.ts";
import { importSampleCatalog, sampleNames } from "./fanout-seed.ts";

const progress = (text: string) => process.stderr.write(`${text}\n`);
/** Long enough for the slowest run seen on a busy machine many times over; a miss is then a real loss. */
const BURST_TIMEOUT_MS = 120_000;

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const args = parseBurstArgs(process.argv.slice(2), process.env);
  const load: BusyLoad | undefined = args.load ? startBusyLoad() : undefined;
  if (load) progress(`--load: ${load.processes} spinning processes keep every core busy until the end`);
  const fake = await startBurstFake({ chats: args.chats });
  let counting = false;
  const statements = new Map<string, number>();
  const bench = await openBenchDatabase(args.databaseUrl, (sql) => {
    if (counting) statements.set(sql, (statements.get(sql) ?? 0) + 1);
  });
  try {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    const logger = createLogger({ level: "warn", stream: "stderr" });
    // The bench database is closed (and a scratch Postgres one dropped) by its own dispose, below.
    const app = await createApp(config, { logger, database: { ...bench.database, close: async () => {} } });
    try {
      await importSampleCatalog(app.repositories);
      const names = await sampleNames();
      const adapters = await createPlatformAdapters(app);
      for (const adapter of adapters) await adapter.start();
      try {
        const warm = await fake.burst([`/prisoner ${names[0]}`], 0, BURST_TIMEOUT_MS);
        progress(`warm-up: one /prisoner answered in ${round(warm.latencies[0] ?? Number.NaN)} ms`);
        const commands = Array.from(
          { length: args.commands },
          (_, i) => `/prisoner ${names[i % names.length]}`,
        );
        progress(
          `queueing ${args.commands} /prisoner from ${args.chats} chats ${when(args.overS)}; ${bench.label}`,
        );
        const loop = watchEventLoop();
        counting = true;
        const done = await fake.burst(commands, args.overS * 1000, BURST_TIMEOUT_MS);
        counting = false;
        const eventLoopDelay = loop.stop();
        if (process.env.BURST_STATEMENTS)
          for (const [sql, n] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 10))
            progress(`${n}× ${sql.slice(0, 300)}`);
        const queries = [...statements.values()].reduce((a, b) => a + b, 0);
        const { count: answered, ...latency } = summarizeLatencies(done.latencies);
        const result = {
          commands: args.commands,
          chats: args.chats,
          overS: args.overS,
          database: bench.label,
          loadProcesses: load?.processes ?? 0,
          answered,
          unanswered: done.unanswered,
          refusedByFake: done.refused,
          ...latency,
          spanS: Math.round(done.spanMs) / 1000,
          answersPerSecond: Math.round((answered / done.spanMs) * 10_000) / 10,
          dbQueriesPerCommand: Math.round((queries / args.commands) * 100) / 100,
          eventLoopDelay,
        };
        process.stdout.write(`${args.json ? JSON.stringify(result, null, 2) : table(result)}\n`);
      } finally {
        for (const adapter of adapters) await adapter.stop();
      }
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
    await fake.close();
    await load?.stop();
  }
}

const when = (overS: number) => (overS > 0 ? `spread evenly over ${overS} s` : "queued at once");

function table(r: {
  commands: number;
  chats: number;
  overS: number;
  database: string;
  loadProcesses: number;
  answered: number;
  unanswered: number;
  refusedByFake: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  spanS: number;
  answersPerSecond: number;
  dbQueriesPerCommand: number;
  eventLoopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
}): string {
  const head = ["answered", "missing", "p50", "p95", "p99", "max", "span", "answers/s"];
  const row = [
    String(r.answered),
    String(r.unanswered),
    `${r.p50Ms} ms`,
    `${r.p95Ms} ms`,
    `${r.p99Ms} ms`,
    `${r.maxMs} ms`,
    `${r.spanS} s`,
    String(r.answersPerSecond),
  ];
  const widths = head.map((h, i) => Math.max(h.length, row[i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  const d = r.eventLoopDelay;
  return [
    `Burst: ${r.commands} /prisoner from ${r.chats} Telegram groups, ${when(r.overS)} (each timed from queued to answer received), database: ${r.database}, ${r.loadProcesses ? `busy machine (--load: ${r.loadProcesses} spinning processes)` : "no added load"}`,
    "",
    line(head),
    line(row),
    "",
    `event loop delay during the burst: p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, max ${d.maxMs} ms; calls the fake refused: ${r.refusedByFake}; database queries per command: ${r.dbQueriesPerCommand}`,
  ].join("\n");
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench:burst failed: ${err instanceof Error ? err.message : String(err)}\nusage: ${BURST_USAGE}\n`,
  );
  process.exitCode = 1;
});
