/**
 * Who may enter the staff panel through Discord or Slack: a person the platform names a moderator (by the
 * bot's own moderator rule, applied in platforms/<p>/panel-sign-in.ts) of at least one community that
 * has a subscription here (active or paused; a stopped one no longer counts). They get PANEL_OAUTH_ROLE,
 * viewer or editor and never admin: a platform's moderators are trusted with their own community, not
 * with the panel's people or every community's subscriptions. One audit entry per sign-in.
 */
import type { CommunityRef } from "../core/channel.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { SubscriptionRepository } from "../core/ports/subscriptions.ts";
import type { StaffRepository } from "../core/staff.ts";
import type { PlatformIdentity, StaffOAuthRole } from "../core/staff-oauth.ts";
import { newSession, type StaffSession } from "./staff-access.ts";

export type PlatformSignInOutcome =
  | { kind: "signed-in"; session: StaffSession; created: boolean }
  /** Not a moderator of any subscribed community on that platform. */
  | { kind: "not-moderator" }
  | { kind: "revoked" }
  | { kind: "name-taken"; name: string };

export interface PlatformSignIn {
  signIn(identity: PlatformIdentity): Promise<PlatformSignInOutcome>;
}

const PLATFORM_NAMES = { discord: "Discord", slack: "Slack" } as const;
// Control and format characters would let a name hide or reorder text in the panel and the audit log.
const UNSAFE = /[\p{Cc}\p{Cf}]/gu;

/** "Aysel (Discord 80351110224678912)": the platform's id keeps two people of one name apart. */
export function platformPersonName(identity: PlatformIdentity): string {
  const shown = identity.displayName.replace(UNSAFE, "").trim().slice(0, 40) || "?";
  return `${shown} (${PLATFORM_NAMES[identity.platform]} ${identity.userId})`;
}

export function createPlatformSignIn(deps: {
  staff: StaffRepository;
  subscriptions: Pick<SubscriptionRepository, "list">;
  clock: Clock;
  role: StaffOAuthRole;
}): PlatformSignIn {
  async function subscribedCommunities(): Promise<Set<CommunityRef>> {
    const all = await deps.subscriptions.list();
    return new Set(all.filter((s) => s.state !== "stopped").map((s) => s.community));
  }
  return {
    async signIn(identity) {
      const subscribed = await subscribedCommunities();
      const communities = identity.moderates.filter((c) => subscribed.has(c));
      if (communities.length === 0) return { kind: "not-moderator" };
      const name = platformPersonName(identity);
      const { token, session } = newSession(deps.clock.now());
      const result = await deps.staff.signInWithPlatform({
        platform: identity.platform,
        userId: identity.userId,
        name,
        role: deps.role,
        details: { communities },
        session,
      });
      if (result.kind === "name-taken") return { kind: "name-taken", name };
      if (result.kind === "revoked") return result;
      return {
        kind: "signed-in",
        created: result.created,
        session: { token, expiresAt: session.expiresAt, person: result.person },
      };
    },
  };
}
