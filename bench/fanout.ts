/**
 * `npm run bench:fanout [-- --scale N --subscriptions N --platforms telegram,slack,discord --json
 * --database-url URL --pace-share S --pace-guard-ms G --load --commands R --command-chats N]` (flags:
 * fanout-args.ts): one delivery pass over (by default) 10,000 subscriptions, through the bot as the app
 * composes it, the real delivery core, ledger and platform adapters, against the local fakes, which
 * enforce each platform's caps and answer 429 past them. The fakes run in a process of their own
 * (fanout-fakes.ts), on their own clock as a real platform is, so this process holds only the bot: the
 * database, the pass, and its memory (fanout-memory.ts). All global caps are raised by one factor (the
 * fakes', our pacing, discord.js's) so the run is short. With --load, one spinning process per core keeps
 * the machine busy for the whole run (busy-load.ts). With --commands R, R `/prisoner` a second come from
 * Telegram groups while the pass runs, each timed from queued to answered (fanout-commands.ts). It prints
 * what it measured; it asserts nothing. With --json, stdout holds exactly one JSON object and progress
 * goes to stderr.
 */
import { type BusyLoad, startBusyLoad } from "./busy-load.ts";
import { loadavg } from "node:os";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { platformOf } from "../src/core/channel.ts";
import type { PassLineKind } from "../src/delivery/report.ts";
import { createDeliveryService } from "../src/delivery/service.ts";
import { type FanoutPlatform, parseFanoutArgs, USAGE } from "./fanout-args.ts";
import { openBenchDatabase } from "./fanout-database.ts";
import { benchPacers, CAPS, split, timedPacer } from "./fanout-pacing.ts";
import { countingLogger } from "./fanout-logger.ts";
import { passCommands } from "./fanout-commands.ts";
import { sampleMemory } from "./fanout-memory.ts";
import {
  attributedLedger,
  createQueryCounter,
  PASS_LEVEL,
  timedAdapter,
  watchEventLoop,
} from "./fanout-probe.ts";
import { type FanoutResult, formatTable, platformResult } from "./fanout-report.ts";
import type { FakeWorld, Rig, RigInput } from "./fanout-rig.ts";
import { importSampleCatalog, seedSubscriptions } from "./fanout-seed.ts";
import { type FakesThread, startFakesThread } from "./fanout-fakes.ts";
import { discordRig } from "./rig-discord.ts";
import { slackRig } from "./rig-slack.ts";
import { telegramRig } from "./rig-telegram.ts";

/** The real adapter for a fake the fakes' process started. */
async function rigFor(world: FakeWorld, input: RigInput): Promise<Rig> {
  switch (world.platform) {
    case "telegram":
      return telegramRig(world, input);
    case "slack":
      return slackRig(world, input);
    case "discord":
      return discordRig(world, input);
  }
}
/** Retries that fall due within this long are waited for, so a miss is a real loss, not a retry pending. */
const SETTLE_MS = 120_000;

const progress = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<void> {
  const args = parseFanoutArgs(process.argv.slice(2), process.env);
  const load: BusyLoad | undefined = args.load ? startBusyLoad() : undefined;
  if (load) progress(`--load: ${load.processes} spinning processes keep every core busy until the end`);
  const counter = createQueryCounter();
  const bench = await openBenchDatabase(args.databaseUrl, counter.onQuery);
  const rigs: Rig[] = [];
  let fakes: FakesThread | undefined;
  try {
    const logger = countingLogger(progress);
    fakes = await startFakesThread({
      plan: [...split(args.subscriptions, args.platforms)],
      scale: args.scale,
      commandChats: args.commandsPerSecond > 0 ? args.commandChats : 0,
    });
    const telegram = fakes.worlds.find((w) => w.platform === "telegram");
    // The bot as the app composes it; Telegram's adapter is the app's own (rig-telegram.ts).
    const appEnv = telegram
      ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot }
      : {};
    // Each platform paced at its cap, as an operator sets it: on Telegram the commands' answers take their
    // places from the same pacer as the posts, ahead of them (delivery/paced-adapter.ts), so no share of
    // the cap is set aside for them; the posts get what the answers leave.
    const rate = (p: FanoutPlatform) => String(CAPS[p] * args.scale * args.paceShare);
    const config = loadConfig({
      ...appEnv,
      TELEGRAM_MESSAGES_PER_SECOND: rate("telegram"),
      SLACK_MESSAGES_PER_SECOND: rate("slack"),
      DISCORD_MESSAGES_PER_SECOND: rate("discord"),
    });
    const pacers = new Map(
      [...benchPacers(config, args.platforms, args.paceGuardMs)].map(([p, pacer]) => [p, timedPacer(pacer)]),
    );
    const shared = new Map([...pacers].map(([p, t]) => [p as string, t.pacer]));
    // The bench database is closed (and a scratch Postgres one dropped) by its own dispose, below.
    const app = await createApp(config, {
      logger,
      database: { ...bench.database, close: async () => {} },
      pacers: shared,
    });
    const { repositories, services } = app;
    await importSampleCatalog(repositories);
    const commands = args.commandsPerSecond > 0;
    for (const world of fakes.worlds)
      rigs.push(
        await rigFor(world, {
          scale: args.scale,
          app,
          repositories,
          logger,
          commands,
          crosspostShare: args.crosspostShare,
        }),
      );
    const during = commands
      ? await passCommands(fakes, args.commandsPerSecond, args.commandChats, progress)
      : undefined;

    const dueAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await seedSubscriptions(
      bench.database.db,
      rigs.flatMap((r) => r.targets),
      dueAt,
    );
    progress(`seeded ${args.subscriptions} subscriptions due at ${dueAt.toISOString()}; ${bench.label}`);

    const timed = rigs.map((rig) => timedAdapter(rig.adapter, counter));
    const delivery = createDeliveryService({
      config,
      repositories: { ...repositories, deliveries: attributedLedger(repositories.deliveries, counter) },
      services,
      adapters: timed.map((t) => t.adapter),
      clock: app.clock,
      logger,
      metrics: app.metrics,
      pacers: shared,
    });

    progress(
      `delivering at ${args.platforms.map((p) => `${p} ${rate(p)}/s`).join(", ")} (caps ×${args.scale})${commands ? `, ${args.commandsPerSecond} /prisoner a second` : ""}…`,
    );
    const memory = sampleMemory(bench.database);
    const loop = watchEventLoop();
    counter.start();
    await during?.start();
    const passStart = performance.now();
    const report = await delivery.runPass({ settleWithinMs: SETTLE_MS });
    const passElapsedS = (performance.now() - passStart) / 1000;
    const queries = counter.stop();
    const peaks = memory.stop();
    const eventLoopDelay = loop.stop();
    const commandsResult = await during?.stop();
    const stats = await fakes.stats();

    const lines = new Map<string, Partial<Record<PassLineKind, number>>>();
    for (const line of report.lines) {
      const byKind = lines.get(platformOf(line.channel)) ?? {};
      byKind[line.kind] = (byKind[line.kind] ?? 0) + 1;
      lines.set(platformOf(line.channel), byKind);
    }
    const platforms = rigs.map((rig, i) =>
      platformResult({
        rig,
        counts: stats.counts[rig.platform]!,
        acceptedAt: timed[i]!.acceptedAt,
        passStart,
        queries: queries.get(rig.platform) ?? 0,
        passLines: lines.get(rig.platform) ?? {},
        held: pacers.get(rig.platform)!.stats(),
      }),
    );
    const posts = platforms.reduce((sum, p) => sum + p.posts, 0);
    const totalQueries = [...queries.values()].reduce((a, b) => a + b, 0);
    const result: FanoutResult = {
      scale: args.scale,
      paceShare: args.paceShare,
      paceGuardMs: args.paceGuardMs,
      loadProcesses: load?.processes ?? 0,
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      subscriptions: args.subscriptions,
      database: bench.label,
      passElapsedS: Math.round(passElapsedS * 100) / 100,
      passLevelQueries: queries.get(PASS_LEVEL) ?? 0,
      dbRoundTripsPerPostOverall: posts > 0 ? Math.round((totalQueries / posts) * 1000) / 1000 : 0,
      memory: peaks,
      fakesMemory: stats.memory,
      eventLoopDelay,
      ...(commandsResult ? { commands: commandsResult } : {}),
      platforms,
    };
    if (logger.counts.warn + logger.counts.error > 0)
      progress(`adapter and delivery log: ${logger.counts.warn} warnings, ${logger.counts.error} errors`);
    process.stdout.write(`${args.json ? JSON.stringify(result, null, 2) : formatTable(result)}\n`);
  } finally {
    for (const rig of rigs) await rig.close();
    await fakes?.close();
    await bench.dispose();
    await load?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench:fanout failed: ${err instanceof Error ? err.message : String(err)}\nusage: ${USAGE}\n`,
  );
  process.exitCode = 1;
});
