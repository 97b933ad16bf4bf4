/**
 * How a subscription's posts go out, in one shape on every platform: a role to mention (or none), silent
 * posts, publishing to followers, link previews, and the thread or topic the subscription was made in.
 * Which options a platform honours is decided here, once: `/subscribe` refuses the others by name, and each
 * adapter's send reads the options it supports from the post (`OutboundPost.options`).
 */
import type { Platform } from "./channel.ts";

export interface PostOptions {
  /**
   * The role mentioned above each post, in the platform's own id (a Discord role id); absent: none, the
   * default. The post may ping that role and nobody else (`allowed_mentions` limited to it).
   */
  mentionRole?: string;
  /** Posts arrive without a notification (Discord's SUPPRESS_NOTIFICATIONS, Telegram's disable_notification). */
  silent: boolean;
  /** Each post is published to the servers following the channel (a Discord announcement channel). */
  crosspost: boolean;
  /** Link previews under posts (Telegram); off unless a moderator asks. */
  linkPreviews: boolean;
  /**
   * The thread or topic the subscription was made in (a Telegram forum topic's message_thread_id), set from
   * where `/subscribe` was typed, never typed itself: posts go there. Absent: the channel itself.
   */
  thread?: string;
}

/** The options a moderator sets by word: `/subscribe … silent on`, `mention <role>|none`. */
export type PostOptionName = "mentionRole" | "silent" | "crosspost" | "linkPreviews";

export const DEFAULT_POST_OPTIONS: PostOptions = Object.freeze({
  silent: false,
  crosspost: false,
  linkPreviews: false,
});

/**
 * What each platform's adapter honours. The console honours none: it prints. Slack has no silent posts,
 * no crossposting and shows previews by its own unfurl rules, and its mentions are not asked for.
 */
const SUPPORTED: ReadonlyMap<Platform, ReadonlySet<PostOptionName>> = new Map([
  ["console", new Set<PostOptionName>()],
  ["discord", new Set<PostOptionName>(["mentionRole", "silent", "crosspost"])],
  ["slack", new Set<PostOptionName>()],
  ["telegram", new Set<PostOptionName>(["silent", "linkPreviews"])],
]);

export function supportsPostOption(platform: Platform, option: PostOptionName): boolean {
  return SUPPORTED.get(platform)?.has(option) ?? false;
}

/** The options a platform honours, in a fixed order (what `/subscribe` lists there). */
export function postOptionsOn(platform: Platform): PostOptionName[] {
  const order: PostOptionName[] = ["mentionRole", "silent", "crosspost", "linkPreviews"];
  return order.filter((option) => supportsPostOption(platform, option));
}

/** A subscription's stored options with the defaults filled in (a row from before options existed). */
export function postOptionsOf(stored: Partial<PostOptions> | undefined): PostOptions {
  return { ...DEFAULT_POST_OPTIONS, ...stored };
}

/** Changed options over the current ones: `mentionRole: null` clears the role ("mention none"). */
export type PostOptionsChange = Partial<Omit<PostOptions, "mentionRole" | "thread">> & {
  mentionRole?: string | null;
  thread?: string | null;
};

export function applyPostOptions(current: PostOptions, change: PostOptionsChange | undefined): PostOptions {
  if (!change) return current;
  const next: PostOptions = {
    silent: change.silent ?? current.silent,
    crosspost: change.crosspost ?? current.crosspost,
    linkPreviews: change.linkPreviews ?? current.linkPreviews,
  };
  const role = change.mentionRole === undefined ? current.mentionRole : change.mentionRole;
  if (role) next.mentionRole = role;
  const thread = change.thread === undefined ? current.thread : change.thread;
  if (thread) next.thread = thread;
  return next;
}

/** A role id as platforms give them (Discord snowflakes); `<@&id>`, as a client writes a role, is unwrapped. */
const ROLE_ID = /^\d{1,20}$/;
const ROLE_MENTION = /^<@&(\d{1,20})>$/;

/** A typed role: its id, null for "none" (or nothing typed), undefined when it is neither. */
export function roleIdOf(typed: string): string | null | undefined {
  const value = typed.trim();
  if (value === "" || value.toLowerCase() === "none") return null;
  return ROLE_MENTION.exec(value)?.[1] ?? (ROLE_ID.test(value) ? value : undefined);
}
