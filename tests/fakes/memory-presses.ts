/** In-memory press counters: one per (day, platform, profile, button), as the database keeps them. */
import type { ButtonPress, PressCount, PressCounter } from "../../src/core/ports/presses.ts";
import type { MemoryState } from "./memory-state.ts";

const keyOf = (p: ButtonPress) => JSON.stringify([p.day, p.platform, p.profileId, p.button]);

export function createMemoryPresses(store: { state: MemoryState }): PressCounter {
  // Kept beside the state box so a reset() of the repositories empties it too.
  const rows = (): Map<string, PressCount> => {
    const state = store.state as MemoryState & { presses?: Map<string, PressCount> };
    state.presses ??= new Map();
    return state.presses;
  };
  return {
    async record(press) {
      const found = rows().get(keyOf(press));
      rows().set(keyOf(press), { ...press, presses: (found?.presses ?? 0) + 1 });
    },
    async counts(filter = {}) {
      const order = (p: PressCount) => [p.day, p.platform, p.profileId, p.button].join("\u0000");
      return [...rows().values()]
        .filter((p) => filter.from === undefined || p.day >= filter.from)
        .filter((p) => filter.to === undefined || p.day <= filter.to)
        .filter((p) => filter.profileId === undefined || p.profileId === filter.profileId)
        .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
        .map((p) => ({ ...p }));
    },
  };
}
