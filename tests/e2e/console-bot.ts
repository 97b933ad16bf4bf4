/** A console bot run by the real binary, once it takes commands from other terminals, and a way to chat. */
import { setTimeout as sleep } from "node:timers/promises";
import { readLock } from "../../src/ops/data-dir-lock.ts";
import { spawnCli } from "./cli.ts";

/** Starts `freetobehome console` on `env.DATA_DIR` and waits until its lock names its control socket. */
export async function startConsoleBot(env: Record<string, string> & { DATA_DIR: string }) {
  const bot = spawnCli(["console"], { env });
  while (readLock(env.DATA_DIR)?.socket === undefined || readLock(env.DATA_DIR)?.pid !== bot.child.pid) {
    if (bot.child.exitCode !== null) throw new Error(`console exited: ${bot.result.stderr}`);
    await sleep(50);
  }
  /** Sends a line and resolves with what the bot printed for it. */
  const ask = async (line: string, answer: RegExp) => {
    const before = bot.result.stdout.length;
    bot.child.stdin.write(`${line}\n`);
    await bot.waitForStdout(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*${answer.source}`));
    return bot.result.stdout.slice(before);
  };
  return { ...bot, ask };
}
