/**
 * Turns what was measured into per-platform results, a table and one JSON object. The achieved rate is
 * posts over the time they took plus one second, since every cap here admits one second's worth at once:
 * a pass that kept the cap exactly full the whole time scores 100%, and it cannot score more without
 * drawing 429s.
 */
import type { PassLineKind } from "../src/delivery/report.ts";
import type { CommandsResult } from "./fanout-commands.ts";
import type { FakesMemory } from "./fanout-fakes.ts";
import type { MemoryPeaks } from "./fanout-memory.ts";
import type { EventLoopDelay } from "./fanout-probe.ts";
import type { HeldStats } from "./fanout-pacing.ts";
import type { FakeCounts, Rig } from "./fanout-rig.ts";

export interface PlatformResult {
  platform: string;
  subscriptions: number;
  communities: number;
  /** Messages the fake accepted in subscribed channels. */
  posts: number;
  /** From the start of the pass to this platform's last accepted post. */
  elapsedS: number;
  /** From this platform's first accepted post to its last. */
  spanS: number;
  ratePerSecond: number;
  capPerSecond: number;
  capSource: string;
  shareOfCap: number;
  rateLimited: number;
  rateLimitedDetail: Record<string, number>;
  /** Messages beyond the first in any channel. */
  duplicates: number;
  /** Subscribed channels that got no message. */
  misses: number;
  dbQueries: number;
  dbRoundTripsPerPost: number;
  /** What the pass itself reported for this platform's channels (sent, retrying, uncertain, …). */
  passLines: Partial<Record<PassLineKind, number>>;
  /** How long the pacer counted each request, from its grant to its answer (fanout-pacing.ts). */
  held: HeldStats;
}

export interface FanoutResult {
  scale: number;
  /** Our pacing as a share of each cap (1: at the cap, the shipped default). */
  paceShare: number;
  /** Extra ms on each pacer's global window (0: the shipped pacing). */
  paceGuardMs: number;
  /** Spinning processes that kept the machine busy (--load); 0 on a quiet run. */
  loadProcesses: number;
  /** The machine's 1, 5 and 15 minute load averages as the pass ended. */
  loadAverage: number[];
  subscriptions: number;
  database: string;
  passElapsedS: number;
  /** Queries not tied to one platform: planning, reclaiming, catalog, the pass's own bookkeeping. */
  passLevelQueries: number;
  dbRoundTripsPerPostOverall: number;
  /** The bot's process (the fakes run in another). */
  memory: MemoryPeaks;
  fakesMemory: FakesMemory;
  eventLoopDelay: EventLoopDelay;
  /** `/prisoner` during the pass (--commands), timed queued → answered. */
  commands?: CommandsResult;
  platforms: PlatformResult[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function platformResult(input: {
  rig: Rig;
  counts: FakeCounts;
  acceptedAt: readonly number[];
  passStart: number;
  queries: number;
  passLines: PlatformResult["passLines"];
  held: HeldStats;
}): PlatformResult {
  const { rig, counts, acceptedAt, passStart } = input;
  const perChannel = [...counts.perChannel.values()];
  const posts = perChannel.reduce((a, b) => a + b, 0);
  const first = Math.min(...acceptedAt);
  const last = Math.max(...acceptedAt);
  const spanS = acceptedAt.length > 0 ? (last - first) / 1000 : 0;
  const ratePerSecond = posts / (spanS + 1);
  return {
    platform: rig.platform,
    subscriptions: rig.targets.length,
    communities: new Set(rig.targets.map((t) => t.community)).size,
    posts,
    elapsedS: acceptedAt.length > 0 ? round((last - passStart) / 1000, 2) : 0,
    spanS: round(spanS, 2),
    ratePerSecond: round(ratePerSecond, 1),
    capPerSecond: rig.capPerSecond,
    capSource: rig.capSource,
    shareOfCap: round(ratePerSecond / rig.capPerSecond, 4),
    rateLimited: counts.rateLimited,
    rateLimitedDetail: counts.detail,
    duplicates: perChannel.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    misses: perChannel.filter((n) => n === 0).length,
    dbQueries: input.queries,
    dbRoundTripsPerPost: posts > 0 ? round(input.queries / posts, 3) : 0,
    passLines: input.passLines,
    held: input.held,
  };
}

export function formatTable(result: FanoutResult): string {
  const head = [
    "platform",
    "subs",
    "posts",
    "elapsed",
    "rate/s",
    "cap/s",
    "share",
    "429s",
    "dupes",
    "misses",
    "db/post",
    "held ms",
  ];
  const rows = result.platforms.map((p) => [
    p.platform,
    String(p.subscriptions),
    String(p.posts),
    `${p.elapsedS.toFixed(1)} s`,
    p.ratePerSecond.toFixed(1),
    String(p.capPerSecond),
    `${(p.shareOfCap * 100).toFixed(1)}%`,
    String(p.rateLimited),
    String(p.duplicates),
    String(p.misses),
    p.dbRoundTripsPerPost.toFixed(2),
    `${p.held.meanMs}/${p.held.p90Ms}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const m = result.memory;
  return [
    `Fan-out: ${result.subscriptions} subscriptions, all caps ×${result.scale}, paced at ${result.paceShare * 100}% of each cap${result.paceGuardMs ? ` with ${result.paceGuardMs} ms added to each global window` : ""}, database: ${result.database}, ${result.loadProcesses ? `busy machine (--load: ${result.loadProcesses} spinning processes)` : "no added load"}`,
    "",
    line(head),
    ...rows.map(line),
    "",
    `pass: ${result.passElapsedS.toFixed(1)} s; ${result.passLevelQueries} pass-level queries (planning, reclaim, catalog, claims' bookkeeping); ${result.dbRoundTripsPerPostOverall.toFixed(2)} database round trips per post overall (the platforms get one request per post)`,
    `the bot's peak memory while passing (each its own peak): RSS ${m.rssMb} MB; V8 heap used ${m.heapUsedMb} of ${m.heapTotalMb} MB; external ${m.externalMb} MB (array buffers ${m.arrayBuffersMb} MB)${m.wasmMb === undefined ? "" : `; PGlite's WebAssembly memory ${m.wasmMb} MB`}; process max RSS ${m.maxRssMb} MB (setup included). The fakes' process, apart: max RSS ${result.fakesMemory.maxRssMb} MB`,
    `event loop delay while passing: p50 ${result.eventLoopDelay.p50Ms} ms, p99 ${result.eventLoopDelay.p99Ms} ms, max ${result.eventLoopDelay.maxMs} ms; load average ${result.loadAverage.join(" ")}`,
    ...(result.commands ? [commandsLine(result.commands, result.platforms, result.passElapsedS)] : []),
    "held ms: how long the pacer counted each request, grant to answer (mean/p90). A window-shaped cap (Discord's) keeps each place until a window after the answer, so its share is at most 1000 / (1000 + mean):",
    ...result.platforms
      .filter((p) => p.platform === "discord")
      .map(
        (p) =>
          `  discord: ceiling ${((1000 / (1000 + p.held.meanMs)) * 100).toFixed(1)}% at ${p.held.meanMs} ms`,
      ),
    ...result.platforms.map(
      (p) =>
        `${p.platform}: ${p.communities} communities; cap = ${p.capSource}; 429s ${JSON.stringify(p.rateLimitedDetail)}; pass lines ${JSON.stringify(p.passLines)}`,
    ),
  ].join("\n");
}

/**
 * The answers share Telegram's pacer with the posts, so Telegram's use of its cap is both: the posts'
 * share over their span, plus the answers' rate over the pass (they come steadily until it ends).
 */
function commandsLine(c: CommandsResult, platforms: readonly PlatformResult[], passS: number): string {
  const telegram = platforms.find((p) => p.platform === "telegram");
  const answersShare = telegram ? c.answerMessages / Math.max(1, passS) / telegram.capPerSecond : 0;
  const both = telegram
    ? ` Telegram posts and answers together: ${((telegram.shareOfCap + answersShare) * 100).toFixed(1)}% of its cap.`
    : "";
  const wait = telegram?.held.answerWait;
  const waited = wait
    ? ` Their wait for a place in Telegram's pacer: p50 ${wait.p50Ms} ms, p99 ${wait.p99Ms} ms (${wait.count} requests); the rest of their time is the bot's own (update, dispatch, event loop).`
    : "";
  return `/prisoner during the pass (${c.perSecond}/s from ${c.chats} Telegram groups, queued → answered): ${c.count} answered of ${c.queued}, p50 ${c.p50Ms} ms, p95 ${c.p95Ms} ms, p99 ${c.p99Ms} ms, max ${c.maxMs} ms; ${c.unanswered} unanswered; ${c.messagesPerAnswer} message(s) an answer, paced with the posts, ahead of them; ${c.answerMessages} answer messages, ${c.answersRateLimited} of them refused with 429 (the platform's 429s column counts posts and answers).${both}${waited}`;
}
