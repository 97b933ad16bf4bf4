/**
 * The long-running bot: the configured platforms, the delivery scheduler and the HTTP endpoints, stopped
 * gracefully on SIGTERM or SIGINT (the scheduler first, letting a pass under way finish; then platforms,
 * so nothing new arrives; then the endpoints; then the database).
 */
import { createApp } from "../app.ts";
import { createPlatformAdapters } from "../app-platforms.ts";
import type { Config } from "../config.ts";
import { redactConfig } from "../config.ts";
import { createLogger } from "../ops/logger.ts";
import { startOpsServer } from "../ops/http-server.ts";
import { createDeliveryService } from "../delivery/service.ts";
import { systemClock } from "../app.ts";

export async function runService(config: Config): Promise<number> {
  const logger = createLogger({ level: config.LOG_LEVEL });
  logger.info({ config: redactConfig(config) }, "starting");
  const app = await createApp(config, { logger, seedSample: true });
  const adapters = createPlatformAdapters(app);
  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    registry: app.metrics.registry,
    healthy: async () => {
      await app.repositories.catalog.version();
      return true;
    },
  });
  for (const adapter of adapters) await adapter.start();
  const delivery = createDeliveryService({ ...app, adapters, clock: systemClock });
  delivery.scheduler.start();
  logger.info({ platforms: adapters.map((a) => a.platform), httpPort: ops.port }, "running");

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "stopping");
      resolve();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  await delivery.scheduler.stop();
  for (const adapter of adapters) {
    await adapter
      .stop()
      .catch((err: unknown) => logger.error({ err, platform: adapter.platform }, "stop failed"));
  }
  await ops.close();
  await app.close();
  logger.info({}, "stopped");
  return 0;
}
