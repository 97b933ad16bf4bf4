/**
 * Realistic Discord ids (18–19 digits). @discordjs/rest buckets by a major parameter it only recognises
 * as 17–19 digits; short fake ids would collapse every channel into one bucket and hide rate-limit bugs.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  // timestamp | worker 1 | process 1 | increment, the layout Discord uses.
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}
