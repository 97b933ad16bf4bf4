/**
 * The audit log's vocabulary, shared by the database repositories and the in-memory ones so both write
 * the same entries. Dotted names stay readable when an entry is shown on its own.
 */
export const AUDIT_ACTIONS = {
  campaignCreated: "campaign.created",
  campaignUpdated: "campaign.updated",
  campaignRemoved: "campaign.removed",
  profileCreated: "profile.created",
  profileUpdated: "profile.updated",
  profileTakedown: "profile.takedown",
  profileRestored: "profile.restored",
  profileVerified: "profile.verified",
  profileRemoved: "profile.removed",
  subscriptionCreated: "subscription.created",
  subscriptionUpdated: "subscription.updated",
  subscriptionStopped: "subscription.stopped",
  subscriptionPaused: "subscription.paused",
  subscriptionMoved: "subscription.moved",
  spotlightScheduled: "spotlight.scheduled",
  spotlightCancelled: "spotlight.cancelled",
  spotlightRemoved: "spotlight.removed",
  moderatorGranted: "moderator.granted",
  moderatorRevoked: "moderator.revoked",
  channelLanguageSet: "channel.language-set",
  channelLanguageCleared: "channel.language-cleared",
  staffLinkIssued: "staff.link-issued",
  staffSignedIn: "staff.signed-in",
  staffRevoked: "staff.revoked",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
