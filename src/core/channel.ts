/**
 * Channels and communities as platform-prefixed strings ("telegram:-100123", "slack:T1:C2"). Only the
 * adapter of a platform builds or takes apart the part after the prefix; the core just stores and compares.
 */
export const PLATFORMS = ["console", "discord", "slack", "telegram"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where the bot posts: `discord:<guild>:<channel>`, `slack:<team>:<channel>`, `telegram:<chat>`, `console:<name>`. */
export type ChannelRef = string & { readonly __brand: "ChannelRef" };
/** The server, workspace or chat a channel belongs to: `discord:<guild>`, `slack:<team>`, `telegram:<chat>`. */
export type CommunityRef = string & { readonly __brand: "CommunityRef" };

const REF = /^(console|discord|slack|telegram):[^\s]+$/;

export function channelRef(value: string): ChannelRef {
  if (!REF.test(value)) throw new TypeError(`not a channel reference: ${JSON.stringify(value)}`);
  return value as ChannelRef;
}

export function communityRef(value: string): CommunityRef {
  if (!REF.test(value)) throw new TypeError(`not a community reference: ${JSON.stringify(value)}`);
  return value as CommunityRef;
}

export function platformOf(ref: ChannelRef | CommunityRef): Platform {
  return ref.slice(0, ref.indexOf(":")) as Platform;
}
