/** What a delivery pass did, line by line, for `freetobehome deliver` and the logs. */
import type { ChannelRef } from "../core/channel.ts";

/**
 * Everything that can happen to a post in a pass, one report line each: the one list of outcomes, which
 * the report, the logs and the metrics' `outcome` label all use. "moved" and "retrying" are steps on the
 * way (the row's final line follows, now or in a later pass); "would-send" appears only in a dry run.
 * "retracted" is a post taken back off a platform after a takedown (deleted, or edited to a neutral line;
 * src/delivery/retract.ts); its failures and retries use "failed" and "retrying". "updated" is a post
 * edited to carry a status update and "announced" a release announced (src/delivery/status-updates.ts).
 */
export const PASS_LINE_KINDS = [
  "sent",
  "would-send",
  "retrying",
  "failed",
  "paused",
  "cancelled",
  "missed",
  "uncertain",
  "skipped",
  "moved",
  "spotlight-cancelled",
  "retracted",
  "updated",
  "announced",
] as const;
export type PassLineKind = (typeof PASS_LINE_KINDS)[number];

export interface PassLine {
  kind: PassLineKind;
  channel: ChannelRef;
  localDate: string;
  detail?: string;
  /** On a "sent" line: when the post was due (its scheduled minute), and when the platform took it. */
  dueAt?: Date;
  sentAt?: Date;
}

export interface PassReport {
  at: Date;
  dryRun: boolean;
  lines: PassLine[];
}

export function countByKind(report: PassReport): Partial<Record<PassLineKind, number>> {
  const counts: Partial<Record<PassLineKind, number>> = {};
  for (const line of report.lines) counts[line.kind] = (counts[line.kind] ?? 0) + 1;
  return counts;
}

export function formatReport(report: PassReport): string {
  const counts = countByKind(report);
  const summary = Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
  const head = `Delivery pass as of ${report.at.toISOString()}${report.dryRun ? " (dry run: nothing written or sent)" : ""}: ${summary || "nothing due"}.\n`;
  const body = report.lines
    .map((l) => `  ${l.kind.padEnd(19)} ${l.channel} ${l.localDate}${l.detail ? `  ${l.detail}` : ""}`)
    .join("\n");
  return head + (body ? `${body}\n` : "");
}
