/**
 * Prometheus metrics: one registry per process, so tests can build several apps side by side. Every label
 * takes its values from a fixed list (the command registry, the platforms, the outcome lists), so what a
 * user types or a stored row holds can never add a series; anything else is counted as "unknown".
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { PLATFORMS, platformOf } from "../core/channel.ts";
import type { Logger } from "../core/ports/logger.ts";
import { PASS_LINE_KINDS, type PassReport } from "../delivery/report.ts";
import { COMMAND_OUTCOMES, type CommandOutcome } from "../dispatch.ts";
import { withDeadline } from "./deadline.ts";

export interface MetricsSources {
  /** The command registry's names: the `command` label's only values besides "unknown". */
  commandNames: readonly string[];
  /** How many subscriptions are paused now, read from the shared store at every scrape. */
  pausedSubscriptions(): Promise<number>;
  logger: Logger;
  /** How long a scrape waits for the store (default 2 s, under Prometheus's 10 s scrape timeout). */
  storeTimeoutMs?: number;
}

export interface Metrics {
  registry: Registry;
  /** One command answered; `command` is the registry's name, undefined for a name no command has. */
  recordCommand(
    command: string | undefined,
    platform: string,
    outcome: CommandOutcome,
    seconds: number,
  ): void;
  /** One delivery pass that wrote and sent (not a dry run), from its report: the single record of it. */
  recordPass(report: PassReport, seconds: number): void;
}

const UNKNOWN = "unknown";

/** A label value from a fixed list, or "unknown". A Set, so "__proto__" is a value like any other. */
function labelFrom(known: ReadonlySet<string>) {
  return (value: string | undefined) => (value !== undefined && known.has(value) ? value : UNKNOWN);
}

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "freetobehome_" });
  const commandLabel = labelFrom(new Set(sources.commandNames));
  const platformLabel = labelFrom(new Set(PLATFORMS));
  const commandOutcomeLabel = labelFrom(new Set(COMMAND_OUTCOMES));
  const postOutcomeLabel = labelFrom(new Set(PASS_LINE_KINDS));

  const commands = new Counter({
    name: "freetobehome_commands_total",
    help: "Commands handled, by command (a registry name, or unknown), platform and outcome (ok, refused, user_error, failed).",
    labelNames: ["command", "platform", "outcome"],
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: "freetobehome_command_seconds",
    help: "Time to answer a command, by command (a registry name, or unknown).",
    labelNames: ["command"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const posts = new Counter({
    name: "freetobehome_posts_total",
    help: `Lines of delivery pass reports, by platform and outcome (${PASS_LINE_KINDS.join(", ")}).`,
    labelNames: ["platform", "outcome"],
    registers: [registry],
  });
  const passSeconds = new Histogram({
    name: "freetobehome_delivery_pass_seconds",
    help: "Duration of a delivery pass, retries waited for included.",
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const lateness = new Histogram({
    name: "freetobehome_post_lateness_seconds",
    help: "Seconds from a post's scheduled minute to the platform taking it, by platform.",
    labelNames: ["platform"],
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 7200, 21600, 43200, 86400],
    registers: [registry],
  });
  const timeoutMs = sources.storeTimeoutMs ?? 2_000;
  new Gauge({
    name: "freetobehome_paused_subscriptions",
    help: "Subscriptions paused now (a platform's permanent error, the bot removed), read from the database at each scrape; every process reports the same count.",
    registers: [registry],
    // Read at scrape time, not kept from this process's last pass: the count belongs to the shared
    // database, and a pause or resume made by another process or a command shows at the next scrape.
    async collect() {
      const failed = (reason: string) => {
        sources.logger.warn({ reason }, "could not count paused subscriptions for /metrics");
        return Number.NaN; // no number rather than a stale one
      };
      const count = sources.pausedSubscriptions().catch((err: unknown) => failed(String(err)));
      this.set(await withDeadline(count, timeoutMs, () => failed(`no answer within ${timeoutMs} ms`)));
    },
  });

  return {
    registry,
    recordCommand(command, platform, outcome, seconds) {
      const name = commandLabel(command);
      commands.inc({
        command: name,
        platform: platformLabel(platform),
        outcome: commandOutcomeLabel(outcome),
      });
      commandSeconds.observe({ command: name }, seconds);
    },
    recordPass(report, seconds) {
      passSeconds.observe(seconds);
      for (const line of report.lines) {
        const platform = platformLabel(platformOf(line.channel));
        posts.inc({ platform, outcome: postOutcomeLabel(line.kind) });
        if (line.kind === "sent" && line.dueAt && line.sentAt) {
          lateness.observe({ platform }, (line.sentAt.getTime() - line.dueAt.getTime()) / 1000);
        }
      }
    },
  };
}
