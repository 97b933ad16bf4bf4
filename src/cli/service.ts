/**
 * The long-running bot: the configured platforms, the delivery scheduler and the HTTP endpoints, stopped
 * gracefully on SIGTERM or SIGINT (the scheduler first, letting a pass under way finish; then platforms,
 * so nothing new arrives; then the endpoints; then the database). A start that fails part way undoes
 * what it did, so no half-started bot keeps answering /healthz with 200.
 */
import type { App } from "../app.ts";
import { createApp } from "../app.ts";
import { createPlatformAdapters } from "../app-platforms.ts";
import { startPanel } from "../app-panel.ts";
import type { PanelServer } from "../panel/server.ts";
import { redactConfig } from "../config.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { PlatformAdapter } from "../core/platform.ts";
import { type OpsServer, startOpsServer } from "../ops/http-server.ts";
import { createLogger } from "../ops/logger.ts";
import { armExitDeadline, onStopSignal, STOP_DEADLINE_MS } from "./shutdown.ts";
import type { CliContext } from "./context.ts";
import { startFailure } from "./start-failure.ts";
import { startupProgress } from "./startup-progress.ts";

export async function runService(ctx: CliContext): Promise<number> {
  const { config } = ctx;
  const logger = createLogger({ level: config.LOG_LEVEL });
  logger.info({ config: redactConfig(config) }, "starting");
  // The bot's log is its output: what opening did is one line in it, not a status line torn by log lines.
  const startup = startupProgress({ stderr: ctx.io.stderr, tty: { ...ctx.io.tty, stderr: false } }, (line) =>
    logger.info({}, line),
  );
  const app = await createApp(config, {
    logger,
    seedSample: true,
    owner: "start",
    onProgress: startup.onProgress,
    // A delivery pass's queries run beside command replies and the platforms' HTTP clients.
    databaseThread: true,
  }).finally(() => startup.done());
  const adapters: PlatformAdapter[] = [];
  let ops: OpsServer | undefined;
  let control: { close(): Promise<void> } | undefined;
  let panel: PanelServer | undefined;
  try {
    adapters.push(...(await createPlatformAdapters(app)));
    ops = await startOpsServer({
      port: config.HTTP_PORT,
      registry: app.metrics.registry,
      healthy: async () => {
        await app.repositories.catalog.version();
        return true;
      },
    });
    panel = await startPanel(app);
    for (const adapter of adapters) {
      await adapter.start().catch((err: unknown) => {
        throw startFailure(adapter.platform, err, config);
      });
    }
    // Last: a command from another terminal is carried out only by a bot that is fully up.
    control = await ctx.serveControl(app, () => adapters);
  } catch (err) {
    // Not the error itself: an SDK's error can hold a request URL with the token in it.
    logger.error({ reason: err instanceof Error ? err.message : String(err) }, "start failed");
    armExitDeadline(STOP_DEADLINE_MS, "stopping after a failed start", { logger });
    await panel?.close();
    await stopAll({ app, adapters, ops, control, logger });
    throw err;
  }
  const delivery = app.delivery(adapters);
  delivery.scheduler.start();
  logger.info(
    {
      platforms: adapters.map((a) => a.platform),
      httpPort: ops.port,
      ...(panel ? { panel: panel.url } : {}),
    },
    "running",
  );

  await onStopSignal({ logger }).stopped;
  await delivery.scheduler.stop();
  await panel?.close();
  await stopAll({ app, adapters, ops, control, logger });
  logger.info({}, "stopped");
  return 0;
}

/**
 * The control socket (commands under way finish), platforms (stopping one that never started is
 * harmless), then the endpoints, then the database.
 */
async function stopAll(parts: {
  app: App;
  adapters: PlatformAdapter[];
  ops?: OpsServer;
  control?: { close(): Promise<void> };
  logger: Logger;
}) {
  await parts.control?.close();
  for (const adapter of parts.adapters) {
    await adapter
      .stop()
      .catch((err: unknown) => parts.logger.error({ err, platform: adapter.platform }, "stop failed"));
  }
  await parts.ops?.close();
  await parts.app.close();
}
