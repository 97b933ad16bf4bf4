/**
 * What this process knows about the rows it holds when the database goes out mid-pass, kept until it is
 * back. A row it had not yet sent is given back to pending at once rather than when its lease runs out
 * (5 minutes for a claim), and the answer of a row it had sent is recorded rather than left for another
 * process to find mid-send (as uncertain, or resent). The rows stay held by this process in the ledger all
 * along, so other processes keep respecting the lease, and nothing is ever sent twice: only a row that
 * surely never reached the platform is given back.
 */
import type { ChannelTranslators } from "./languages.ts";
import type { DeliveryLedger, DeliveryRow } from "../core/delivery.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { OutageWatch } from "./outage.ts";
import { recordResult, type SentAttempt } from "./outcome.ts";
import type { PassLine } from "./report.ts";

export interface HeldRows {
  /** Rows marked as sending that never reached the platform: given back once the database answers. */
  readonly unsentIds: Set<number>;
  /** Rows the platform answered while the database was out, with the answer: recorded once it is back. */
  readonly answers: Map<number, { row: DeliveryRow; attempt: SentAttempt }>;
}

export function createHeldRows(): HeldRows {
  return { unsentIds: new Set(), answers: new Map() };
}

export interface ResumeDeps {
  ledger: DeliveryLedger;
  subscriptions: SubscriptionRepository;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  logger: Logger;
  owner: string;
  outage: OutageWatch;
  held: HeldRows;
  /** Each channel's language: a subscriber told of a pause is told in the channel's. */
  translators?: ChannelTranslators;
}

/**
 * At the start of the first pass after an outage (before any lease is taken over): records the answers
 * this process kept, then gives back every row it holds but never sent. Only one pass of a process runs at
 * a time, so a row this process holds as claimed is no pass's work any more.
 */
export async function resumeHeldRows(
  deps: ResumeDeps,
  times: { due: () => Date; wall: () => Date },
  lines: PassLine[],
): Promise<void> {
  const { held } = deps;
  for (const [id, { row, attempt }] of held.answers) {
    const adapter = deps.adapters.get(row.platform);
    try {
      if (adapter) lines.push(await recordResult(deps, adapter, row, attempt, times.due(), times.wall()));
    } catch (err) {
      if (deps.outage.failed(err)) throw err; // out again: kept for the next pass
      deps.logger.error({ err, channel: row.channel }, "recording a post sent during an outage failed");
    }
    held.answers.delete(id);
  }
  const sendingIds = [...held.unsentIds];
  const given = await deps.ledger.release(deps.owner, sendingIds);
  held.unsentIds.clear();
  if (given > 0) deps.logger.info({ rows: given }, "gave back the posts held when the database went out");
}
