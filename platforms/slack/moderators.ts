/**
 * Who moderates a Slack workspace: its admins and owners (from `users.info`), and the users its admins made
 * bot moderators. Guests never do, whatever else is true. Slack has no per-command permissions, so this is
 * the only check there is.
 */
import type { Logger } from "../../src/core/ports/logger.ts";
import type { ModeratorCheck } from "./parse.ts";

/** The parts of `users.info`'s `user` we read; undefined when Slack has no such user. */
export interface SlackUserRoles {
  id?: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  /** A user of another organisation met in a shared (Slack Connect) channel: an admin there, not here. */
  is_stranger?: boolean;
  deleted?: boolean;
  /** The member's Slack language (`es-ES`), asked for with `include_locale`. */
  locale?: string;
}

/** A full member of this workspace: not a guest, not from another organisation, not deleted, not a bot. */
export function isFullMember(user: SlackUserRoles | undefined): user is SlackUserRoles {
  return Boolean(
    user &&
      !user.deleted &&
      !user.is_bot &&
      !user.is_restricted &&
      !user.is_ultra_restricted &&
      !user.is_stranger,
  );
}

export function isWorkspaceAdmin(user: SlackUserRoles | undefined): boolean {
  return isFullMember(user) && Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
}

export interface ModeratorCheckOptions {
  lookupUser(teamId: string, userId: string): Promise<SlackUserRoles | undefined>;
  isBotModerator?(teamId: string, userId: string): Promise<boolean>;
  logger: Logger;
  /**
   * How long a user's roles are trusted. Short: a demoted admin keeps the right only this long, and a
   * moderator running several commands in a row costs one `users.info` call (Tier 4, 100+/min).
   */
  ttlMs?: number;
  /** Bounds memory: the oldest entry goes first. */
  maxEntries?: number;
  now?(): number;
}

export interface Moderators {
  /** Admins, owners and bot moderators. Fails closed: false when Slack cannot be asked. */
  isModerator: ModeratorCheck;
  /** Admins and owners only: the people who may make others bot moderators. Fails closed too. */
  isAdmin: ModeratorCheck;
  /** `users.info`, through the same short cache; throws when Slack cannot be asked. */
  user(teamId: string, userId: string): Promise<SlackUserRoles | undefined>;
}

export function createModeratorCheck(options: ModeratorCheckOptions): Moderators {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  // Holds the promise, so concurrent checks for one user share one call.
  const cache = new Map<string, { at: number; roles: Promise<SlackUserRoles | undefined> }>();

  function user(teamId: string, userId: string): Promise<SlackUserRoles | undefined> {
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.roles;
    cache.delete(key);
    const pending = options.lookupUser(teamId, userId);
    cache.set(key, { at: now(), roles: pending });
    // A failed lookup is not remembered: the next command asks Slack again.
    pending.catch(() => {
      if (cache.get(key)?.roles === pending) cache.delete(key);
    });
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return pending;
  }

  async function rolesOrUndefined(teamId: string, userId: string) {
    try {
      return await user(teamId, userId);
    } catch (err) {
      // Fail closed: without knowing the caller's roles we cannot tell a guest from a member.
      options.logger.warn(
        { err, teamId, userId },
        "slack: users.info failed; treating the caller as not a moderator",
      );
      return undefined;
    }
  }

  return {
    user,
    isAdmin: async (teamId, userId) => isWorkspaceAdmin(await rolesOrUndefined(teamId, userId)),
    isModerator: async (teamId, userId) => {
      const roles = await rolesOrUndefined(teamId, userId);
      if (!isFullMember(roles)) return false;
      if (isWorkspaceAdmin(roles)) return true;
      return (await options.isBotModerator?.(teamId, userId)) ?? false;
    },
  };
}
