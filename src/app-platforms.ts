/**
 * Which platform adapters run: those whose credentials are set. Part of the composition root, the one
 * place that knows every platform.
 */
import type { App } from "./app.ts";
import { ConfigError } from "./core/errors.ts";
export { runConsoleChat } from "../platforms/console/index.ts";
import type { PlatformAdapter } from "./core/platform.ts";

export function createPlatformAdapters(app: App): PlatformAdapter[] {
  const configured = Object.entries(app.config.platforms)
    .filter(([, on]) => on)
    .map(([name]) => name);
  // Adapters are added here as each platform lands; until then a configured one is refused, not ignored.
  if (configured.length > 0) {
    throw new ConfigError(
      configured.map((name) => `${name}: this build does not include the ${name} adapter yet`),
    );
  }
  return [];
}
