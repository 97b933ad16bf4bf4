/** What a delivery pass did, line by line, for `freetobehome deliver` and the logs. */
import type { ChannelRef } from "../core/channel.ts";

export type PassLineKind =
  | "sent"
  | "would-send"
  | "retrying"
  | "failed"
  | "paused"
  | "cancelled"
  | "missed"
  | "uncertain"
  | "skipped"
  | "moved"
  | "spotlight-cancelled";

export interface PassLine {
  kind: PassLineKind;
  channel: ChannelRef;
  localDate: string;
  detail?: string;
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
