/**
 * The command line in the test process: a CliIo whose output is captured, a command line run as main.ts
 * runs it (here, or forwarded to the bot that owns the embedded database; a failure reported the one way),
 * and an app holding a folder as a running bot does.
 */
import { rmSync } from "node:fs";
import type { App } from "../../src/app.ts";
import { reportFailure } from "../../src/cli/commands.ts";
import { serveControl } from "../../src/cli/control-server.ts";
import { runHereOrInBot } from "../../src/cli/owner.ts";
import type { Config } from "../../src/config.ts";
import { acquireDataDirLock } from "../../src/ops/data-dir-lock.ts";
import { type CapturedIo, settled } from "../fakes/captured-io.ts";

export { type CapturedIo, captureIo } from "../fakes/captured-io.ts";

export async function runCommandLine(config: Config, io: CapturedIo, argv: string[]) {
  const [command, ...rest] = argv as [string, ...string[]];
  const code = await runHereOrInBot(config, command, rest, io).catch((err) => reportFailure(err, io));
  await settled();
  return { code, stdout: io.out(), stderr: io.err() };
}

/**
 * What `start` holds on the embedded database's folder: its lock, and the control socket other terminals'
 * commands come in by. close() stops both, closes the app and removes the folder.
 */
export async function holdFolderAsBot(app: App, dataDir: string) {
  app.lock = acquireDataDirLock(dataDir, "start");
  const control = (await serveControl(app, () => []))!;
  return {
    control,
    async close() {
      await control.close();
      app.lock?.release();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
