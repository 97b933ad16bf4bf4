/**
 * Reads kept in memory while this process is the database's only writer (embedded PGlite: one process owns
 * the data folder and carries out every other command on it), so a row read once stands until this process
 * writes its table again. With a server every read asks, since other processes write too.
 *
 * A table's `WriteCount` moves at the start and at the end of every write to it, through any repository:
 * what was kept is dropped whenever it moved, and a read that overlapped a write is not kept, since it may
 * have read the row before the write committed. PGlite holds a query while a transaction is open, so a read
 * that began after a write did reads the committed rows (or the old ones after a rollback, also right).
 */

export interface WriteCount {
  readonly value: number;
  /** Runs a write to the table, counted before it starts and after it ends (committed or not). */
  writing<T>(write: () => Promise<T>): Promise<T>;
}

export function writeCount(): WriteCount {
  let value = 0;
  return {
    get value() {
      return value;
    },
    async writing(write) {
      value += 1;
      try {
        return await write();
      } finally {
        value += 1;
      }
    },
  };
}

/** Keys kept at most; past it the memory starts again (the next reads refill it). */
const MAX_KEPT = 50_000;

/** `read`, with each key's answer kept until `writes` moves. */
export function keptReads<K, V>(writes: WriteCount, read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, { value: V }>();
  let keptAsOf = writes.value;
  return async (key) => {
    if (keptAsOf !== writes.value) {
      kept.clear();
      keptAsOf = writes.value;
    }
    const found = kept.get(key);
    if (found) return found.value;
    const before = writes.value;
    const value = await read(key);
    if (writes.value === before && keptAsOf === before) {
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(key, { value });
    }
    return value;
  };
}

/**
 * Writes to the subscriptions table. Besides the subscription repository's own, the daily plan moves
 * `planned_through` (delivery-plan.ts) and removing a campaign moves its subscriptions (campaigns.ts):
 * each write to the table goes through this, or a kept subscription would outlive it.
 */
export const subscriptionWrites = writeCount();
