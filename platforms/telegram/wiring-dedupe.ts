/**
 * Repeated updates are handled once. Telegram redelivers a webhook update when our answer is slow or
 * fails, and ids stop being sequential after a quiet week, so remember recent ids rather than a high mark.
 */
export function createUpdateDedupe(capacity = 10_000): (updateId: number) => boolean {
  const seen = new Set<number>();
  return (updateId) => {
    if (seen.has(updateId)) return false;
    seen.add(updateId);
    // Sets iterate in insertion order: drop the oldest id once full, so memory stays bounded.
    if (seen.size > capacity) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    return true;
  };
}
