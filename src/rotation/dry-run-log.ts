/**
 * A rotation log for a dry run: it reads the real log and keeps its own picks in memory, never recording
 * them. A preview of several days then features the families those days would get, in order (each day's
 * pick counts as taken for the next), and the real log is left exactly as it was: the next real pass
 * decides every date itself, as if the dry run had never happened.
 */
import type { RotationEntry, RotationLog } from "../core/ports/rotation-log.ts";

export function createDryRunRotationLog(real: RotationLog): RotationLog {
  /** Picks made by this dry run, per campaign and date. */
  const picks = new Map<string, Map<string, RotationEntry>>();
  const picksOf = (campaignId: string) => {
    const own = picks.get(campaignId) ?? new Map<string, RotationEntry>();
    picks.set(campaignId, own);
    return own;
  };

  async function history(campaignId: string): Promise<RotationEntry[]> {
    const own = picksOf(campaignId);
    const recorded = (await real.history(campaignId)).filter((e) => !own.has(e.localDate));
    return [...recorded, ...own.values()].sort((a, b) => a.localDate.localeCompare(b.localDate));
  }

  const standing = async (entry: RotationEntry) =>
    (await history(entry.campaignId)).find((e) => e.localDate === entry.localDate);

  return {
    history,
    async record(entry) {
      const decided = await standing(entry);
      if (decided) return decided;
      const own = { ...entry, recordedAt: new Date() };
      picksOf(entry.campaignId).set(entry.localDate, own);
      return own;
    },
    async replace(entry, previousProfileId) {
      const decided = await standing(entry);
      if (decided && decided.profileId !== previousProfileId) return decided;
      const own = { ...entry, recordedAt: new Date() };
      picksOf(entry.campaignId).set(entry.localDate, own);
      return own;
    },
  };
}
