/**
 * A dry run (`deliver --dry-run`): what a pass as of an instant would post — where (channel, platform),
 * when (local time in the row's zone and the UTC instant) and which profile — and what it would record as
 * missed or failed, worked out from reads alone. Nothing is written: no ledger rows or planning marks, no
 * settling, no rotation picks (the resolver's rotation log keeps them in memory), no spotlight
 * cancellations, and nothing is sent.
 *
 * A post that falls due after the real now is shown at its own time, on time: the scheduler would post it
 * then, so a look ahead lists the days to come instead of calling them missed.
 */
import type { DeliveryLedger, DeliveryRow, PlannedDelivery } from "../core/delivery.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import { localDateTime } from "../core/i18n/local-time.ts";
import { english } from "../core/i18n/translator.ts";
import type { CatalogService } from "../services/catalog.ts";
import { catchUpMs } from "./planner.ts";
import type { PostResolver } from "./post-resolver.ts";
import type { PassLine } from "./report.ts";
import { endOfLocalDay } from "./retry.ts";

export interface PreviewDeps {
  ledger: DeliveryLedger;
  catalog: CatalogService;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  /** Chooses posts through a rotation log that records nothing. */
  resolver: PostResolver;
  catchUpHours: number;
  /** Whether a row's subscription has anniversaries on (as a pass would read it). */
  anniversaries: (row: Pick<DeliveryRow, "subscriptionId">) => boolean;
}

export interface PreviewInput {
  /** The rows the pass would plan (the planner's output as of `at`). */
  planned: readonly PlannedDelivery[];
  /** The earliest date the plan can hold: ledger rows from then on are read to drop planned duplicates. */
  fromDate: string;
  /** The instant the pass runs as of. */
  at: Date;
  /** The real time. */
  wallNow: Date;
}

/** A pending row the pass would act on: one already in the ledger, or one it would plan. */
type Candidate = Omit<DeliveryRow, "id" | "state" | "updatedAt">;

const keyOf = (row: Pick<DeliveryRow, "channel" | "localDate">) => `${row.channel}|${row.localDate}`;

export async function previewPass(deps: PreviewDeps, input: PreviewInput): Promise<PassLine[]> {
  const ledger = await deps.ledger.pendingOrSince(input.fromDate);
  const written = new Set(ledger.map(keyOf));
  const candidates: Candidate[] = [
    ...ledger.filter((row) => row.state === "pending" && row.nextAttemptAt <= input.at),
    ...input.planned
      .filter((row) => !written.has(keyOf(row)))
      .map((row) => ({ ...row, attempts: 0, nextAttemptAt: row.dueAt })),
  ];
  // Up to now, the pass's instant decides (a catch-up); after now, each row is judged at its own time.
  const judgedFrom = Math.min(input.at.getTime(), input.wallNow.getTime());
  const timed = candidates
    .map((row) => ({ row, when: new Date(Math.max(row.nextAttemptAt.getTime(), judgedFrom)) }))
    .sort((a, b) => a.when.getTime() - b.when.getTime() || a.row.localDate.localeCompare(b.row.localDate));
  const version = (await deps.catalog.snapshot()).version;
  const lines: PassLine[] = [];
  // In time order, so each day's rotation pick counts as taken when the next day is chosen.
  for (const { row, when } of timed) lines.push(await previewRow(deps, row, when, version));
  return lines;
}

async function previewRow(deps: PreviewDeps, row: Candidate, when: Date, version: string): Promise<PassLine> {
  const base = { channel: row.channel, localDate: row.localDate };
  const settled = settlementOf(row, when, deps.catchUpHours);
  if (settled)
    return {
      ...base,
      kind: settled.state,
      detail: `would be recorded as ${settled.state}: ${settled.reason}`,
    };
  const where = `on ${row.platform} at ${localDateTime(english, when, row.timezone)} = ${when.toISOString()}`;
  if (!deps.adapters.has(row.platform)) {
    return {
      ...base,
      kind: "skipped",
      detail: `${where}: no ${row.platform} adapter is running; would be left pending`,
    };
  }
  const chosen = await deps.resolver.choose({ ...row, anniversaries: deps.anniversaries(row) }, version);
  if (chosen.kind === "nothing")
    return { ...base, kind: "cancelled", detail: `${where}: would be cancelled: ${chosen.reason}` };
  const { post, profileId } = chosen;
  return {
    ...base,
    kind: "would-send",
    detail: `${where}: ${post.kind} post of profile ${profileId} (${post.card.title})`,
  };
}

/**
 * What settling (DeliveryLedger.settleOverdue, the same rule in SQL) would make of a pending row at `when`:
 * failed or missed once its local day has ended, missed when never tried and more than CATCH_UP_HOURS late.
 */
function settlementOf(row: Candidate, when: Date, catchUpHours: number) {
  const due = `due at ${localDateTime(english, row.dueAt, row.timezone)} = ${row.dueAt.toISOString()}`;
  if (endOfLocalDay(row.localDate, row.timezone) <= when) {
    return row.attempts === 0
      ? { state: "missed" as const, reason: `${due}; its local day ended before it was sent` }
      : { state: "failed" as const, reason: `${due}; the local day ended before a retry could succeed` };
  }
  if (row.attempts === 0 && when.getTime() - row.dueAt.getTime() > catchUpMs(catchUpHours)) {
    return { state: "missed" as const, reason: `${due}; more than CATCH_UP_HOURS (${catchUpHours}) ago` };
  }
  return undefined;
}
