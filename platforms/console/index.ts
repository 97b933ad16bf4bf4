/**
 * The console adapter: scheduled posts printed where the console chat runs (`createConsoleAdapter`), and
 * the chat itself (`runConsoleChat`, readline in wiring.ts). Parse, render, send and wiring live in the
 * files of those names, like every adapter's.
 */
import type { Writable } from "node:stream";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import { createConsoleSender } from "./send.ts";

export {
  CONSOLE_HISTORY_FILE,
  type ConsoleChatOptions,
  type ConsoleTerminal,
  runConsoleChat,
} from "./wiring.ts";

export function createConsoleAdapter(output: Writable): PlatformAdapter {
  const sender = createConsoleSender(output);
  return {
    platform: "console",
    afterUncertainSend: "resend", // a local write cannot half-happen
    async start() {},
    async stop() {},
    send: sender.send,
    notifyModerators: sender.notifyModerators,
    announce: sender.announce,
  };
}
