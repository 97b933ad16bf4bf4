/** In-memory subscriptions: one per channel, as the database's unique channel reference makes it. */
import { AUDIT_ACTIONS } from "../../db/repositories/audit-actions.ts";
import type { Subscription, SubscriptionRepository } from "../../src/core/ports/subscriptions.ts";
import { applyPostOptions, DEFAULT_POST_OPTIONS } from "../../src/core/post-options.ts";
import { audit, copy, type MemoryState, requireCampaign } from "./memory-state.ts";

export function createMemorySubscriptions(store: { state: MemoryState }): SubscriptionRepository {
  return {
    async upsert(input) {
      const { state } = store;
      requireCampaign(state, input.campaignId);
      const existing = state.subscriptions.get(input.channel);
      const now = new Date();
      const subscription: Subscription = {
        id: existing?.id ?? state.nextSubscriptionId++,
        channel: input.channel,
        community: input.community,
        campaignId: input.campaignId,
        postTime: input.postTime,
        timezone: input.timezone,
        state: "active",
        anniversaries: input.anniversaries ?? existing?.anniversaries ?? true,
        updates: input.updates ?? existing?.updates ?? true,
        postOptions: applyPostOptions(existing?.postOptions ?? DEFAULT_POST_OPTIONS, input.postOptions),
        createdBy: existing?.createdBy ?? input.actor,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      state.subscriptions.set(input.channel, subscription);
      const { channel, campaignId, postTime, timezone } = input;
      const { anniversaries } = subscription;
      audit(state, {
        actor: input.actor,
        action: existing ? AUDIT_ACTIONS.subscriptionUpdated : AUDIT_ACTIONS.subscriptionCreated,
        entityType: "subscription",
        entityId: String(subscription.id),
        details: { channel, campaignId, postTime, timezone, anniversaries },
      });
      return { subscription: copy(subscription), created: !existing };
    },
    async setPostOptions(channel, change, actor) {
      const found = store.state.subscriptions.get(channel);
      if (!found) return undefined;
      found.postOptions = applyPostOptions(found.postOptions, change);
      found.updatedAt = new Date();
      audit(store.state, {
        actor,
        action: AUDIT_ACTIONS.subscriptionUpdated,
        entityType: "subscription",
        entityId: String(found.id),
        details: { channel, postOptions: found.postOptions },
      });
      return copy(found);
    },
    async findByChannel(channel) {
      const found = store.state.subscriptions.get(channel);
      return found ? copy(found) : undefined;
    },
    async stop(channel, actor) {
      const found = store.state.subscriptions.get(channel);
      if (!found || found.state === "stopped") return undefined;
      found.state = "stopped";
      found.updatedAt = new Date();
      const entry = {
        actor,
        entityType: "subscription" as const,
        entityId: String(found.id),
        details: { channel },
      };
      audit(store.state, { ...entry, action: AUDIT_ACTIONS.subscriptionStopped });
      return copy(found);
    },
    async pause(channel, { reason, actor }) {
      const found = store.state.subscriptions.get(channel);
      if (found?.state !== "active") return undefined;
      pauseOne(store.state, found, reason, actor);
      return copy(found);
    },
    async pauseCommunity(community, { reason, actor }) {
      const active = [...store.state.subscriptions.values()].filter(
        (s) => s.community === community && s.state === "active",
      );
      for (const found of active) pauseOne(store.state, found, reason, actor);
      return active.map(copy);
    },
    async moveChannel(from, to, actor) {
      const { subscriptions } = store.state;
      const found = subscriptions.get(from);
      if (!found || subscriptions.has(to)) return false;
      subscriptions.delete(from);
      subscriptions.set(to, { ...found, channel: to, updatedAt: new Date() });
      const details = { from, to };
      const entityId = String(found.id);
      audit(store.state, {
        actor,
        action: AUDIT_ACTIONS.subscriptionMoved,
        entityType: "subscription",
        entityId,
        details,
      });
      return true;
    },
    async list() {
      return [...store.state.subscriptions.values()].sort((a, b) => a.id - b.id).map(copy);
    },
    async page(filter, at) {
      const q = filter.search?.toLowerCase();
      const kept = [...store.state.subscriptions.values()]
        .filter(
          (s) =>
            (!q || s.channel.toLowerCase().includes(q) || s.community.toLowerCase().includes(q)) &&
            (!filter.state || s.state === filter.state) &&
            (!filter.posting || s.state !== "stopped") &&
            (!filter.community || s.community === filter.community) &&
            (!filter.slot || (s.timezone === filter.slot.timezone && s.postTime === filter.slot.postTime)),
        )
        .sort((a, b) => a.id - b.id);
      return { total: kept.length, items: kept.slice(at.offset, at.offset + at.limit).map(copy) };
    },
    async countBySlot() {
      const slots = new Map<string, { timezone: string; postTime: string; count: number }>();
      for (const s of store.state.subscriptions.values()) {
        if (s.state === "stopped") continue;
        const key = `${s.timezone} ${s.postTime}`;
        const slot = slots.get(key) ?? { timezone: s.timezone, postTime: s.postTime, count: 0 };
        slot.count += 1;
        slots.set(key, slot);
      }
      return [...slots.values()];
    },
    async countPaused() {
      return [...store.state.subscriptions.values()].filter((s) => s.state === "paused").length;
    },
  };
}

function pauseOne(state: MemoryState, found: Subscription, reason: string, actor: string): void {
  found.state = "paused";
  found.pausedReason = reason;
  found.updatedAt = new Date();
  const details = { channel: found.channel, reason };
  const entityId = String(found.id);
  audit(state, {
    actor,
    action: AUDIT_ACTIONS.subscriptionPaused,
    entityType: "subscription",
    entityId,
    details,
  });
}
