/** Bot moderators granted by a community's admins. */
import type { CommunityRef } from "../channel.ts";

/** People a community's admins made bot moderators, beyond what the platform's own roles say. */
export interface BotModeratorRepository {
  /** Returns false when the user already was one. */
  grant(input: { community: CommunityRef; userId: string; actor: string }): Promise<boolean>;
  /** Returns false when the user was not one. */
  revoke(input: { community: CommunityRef; userId: string; actor: string }): Promise<boolean>;
  has(community: CommunityRef, userId: string): Promise<boolean>;
  list(community: CommunityRef): Promise<string[]>;
}
