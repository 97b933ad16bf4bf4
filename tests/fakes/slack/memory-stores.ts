/**
 * In-memory implementations of the two ports the Slack adapter stores through: installations (OAuth) and
 * bot moderators. Real state with the ports' semantics, so tests can read back what the adapter kept.
 */
import type { CommunityRef } from "../../../src/core/channel.ts";
import type { BotModeratorRepository } from "../../../src/core/ports/bot-moderators.ts";
import type { InstallationStore } from "../../../src/core/ports/installations.ts";

export interface MemoryInstallationStore extends InstallationStore {
  /** Every stored installation by `platform:key`, as saved (a copy, so later edits do not leak in). */
  readonly saved: Map<string, Record<string, unknown>>;
}

export function createMemoryInstallationStore(): MemoryInstallationStore {
  const saved = new Map<string, Record<string, unknown>>();
  const copy = (data: Record<string, unknown>) => structuredClone(data);
  return {
    saved,
    async save(platform, key, data) {
      saved.set(`${platform}:${key}`, copy(data));
    },
    async find(platform, key) {
      const data = saved.get(`${platform}:${key}`);
      return data ? copy(data) : undefined;
    },
    async remove(platform, key) {
      return saved.delete(`${platform}:${key}`);
    },
  };
}

export interface MemoryBotModerators extends BotModeratorRepository {
  /** Every grant and revoke, in order, with who did it. */
  readonly history: Array<{ action: "grant" | "revoke"; community: string; userId: string; actor: string }>;
}

export function createMemoryBotModerators(initial: Record<string, string[]> = {}): MemoryBotModerators {
  const byCommunity = new Map<string, Set<string>>(
    Object.entries(initial).map(([community, users]) => [community, new Set(users)]),
  );
  const history: MemoryBotModerators["history"] = [];
  const members = (community: CommunityRef) => {
    const set = byCommunity.get(community) ?? new Set<string>();
    byCommunity.set(community, set);
    return set;
  };
  return {
    history,
    async grant({ community, userId, actor }) {
      const set = members(community);
      if (set.has(userId)) return false;
      set.add(userId);
      history.push({ action: "grant", community, userId, actor });
      return true;
    },
    async revoke({ community, userId, actor }) {
      if (!members(community).delete(userId)) return false;
      history.push({ action: "revoke", community, userId, actor });
      return true;
    },
    async has(community, userId) {
      return members(community).has(userId);
    },
    async list(community) {
      return [...members(community)].sort();
    },
  };
}
