/**
 * Prometheus metrics: one registry per process, so tests can build several apps side by side.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  commands: Counter<"command" | "platform" | "outcome">;
  commandSeconds: Histogram<"command">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "freetobehome_" });
  return {
    registry,
    commands: new Counter({
      name: "freetobehome_commands_total",
      help: "Commands handled, by command, platform and outcome (ok, refused, user_error, failed).",
      labelNames: ["command", "platform", "outcome"],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: "freetobehome_command_seconds",
      help: "Time to answer a command.",
      labelNames: ["command"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}
