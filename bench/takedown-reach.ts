/**
 * How fast a takedown from a second terminal reaches a running bot on the embedded database: starts a
 * console bot on a fresh data folder, takes three profiles down with `freetobehome profiles takedown` in
 * another process (carried out by the bot over its control socket), and times the next /prisoner reply.
 * Prints measured numbers; asserts nothing (tests/e2e/one-owner.e2e.test.ts holds the rule).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runCli, spawnCli } from "../tests/e2e/cli.ts";
import { readLock } from "../src/ops/data-dir-lock.ts";
const dataDir = mkdtempSync(join(tmpdir(), "ftbh-measure-"));
const env = { DATA_DIR: dataDir };
const t0 = performance.now();
const bot = spawnCli(["console"], { env });
while (readLock(dataDir)?.socket === undefined) await sleep(20);
console.log(`console ready (socket open) after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
let last = "";
const ask = async (line: string, re: RegExp) => {
  const before = bot.result.stdout.length;
  const t = performance.now();
  bot.child.stdin.write(line + "\n");
  while (!re.test(bot.result.stdout.slice(before))) await sleep(1);
  last = bot.result.stdout.slice(before);
  return performance.now() - t;
};
console.log(`/prisoner before takedown: ${(await ask("/prisoner Mammadov", /Status as of/)).toFixed(0)} ms`);
for (const id of ["ilgar-mammadov", "oleg-sentsov", "ilham-tohti"]) {
  const t = performance.now();
  const r = await runCli(["profiles", "takedown", id, "--reason", "measure"], { env });
  const cli = performance.now() - t;
  const name = id === "ilgar-mammadov" ? "Mammadov" : id === "oleg-sentsov" ? "Sentsov" : "Tohti";
  const after = performance.now();
  const reply = await ask(`/prisoner ${name}`, /No profile matches|Did you mean|Error/);
  console.log(
    `takedown ${id}: CLI exit ${r.code} in ${cli.toFixed(0)} ms (process start included); next /prisoner answered ${reply.toFixed(0)} ms later, ${(performance.now() - after).toFixed(0)} ms after the CLI returned, reply: ${JSON.stringify(last.trim().slice(0, 120))}`,
  );
}
bot.child.stdin.end();
await bot.exited;
rmSync(dataDir, { recursive: true, force: true });
