/**
 * The shape of the adapter contract (adapter-contract.ts): what each platform's harness gives the shared
 * cases (a world with the real adapter on its fake platform), and how a case says it cannot apply there.
 */
import type { ChannelRef } from "../../src/core/channel.ts";
import type { MessageRef, PlatformAdapter } from "../../src/core/platform.ts";
import type { ContractBot } from "./contract-bot.ts";
import type { ContractCommand } from "./contract-commands.ts";

export interface NotApplicable {
  notApplicable: string;
}

/** For a case that cannot happen on this platform: why, in a sentence. */
export const notApplicable = (why: string): NotApplicable => ({ notApplicable: why });

export type Capability<T> = T | NotApplicable;

export const isNotApplicable = <T>(value: Capability<T>): value is NotApplicable =>
  typeof value === "object" && value !== null && "notApplicable" in value;

/** One message the bot sent, as the platform received it. */
export interface SentMessage {
  /** The body as the platform got it (JSON, or the console's text). */
  body: unknown;
  /** What a person reads, markup aside: to check what a reply says. */
  text: string;
}

export type Role = "member" | "moderator";

/** Scheduled posts to channels, the delivery core's side of an adapter. */
export interface ScheduledPosts {
  /** A new channel where the bot may post. */
  newChannel(): ChannelRef;
  /** The channel is deleted behind the bot's back: nothing tells the adapter. */
  kill: Capability<(channel: ChannelRef) => void>;
  /** Requests the adapter made to the platform naming this channel, refused or not. */
  requestsTo(channel: ChannelRef): number;
  /** Messages the platform holds in this channel, oldest first. */
  messagesIn(channel: ChannelRef): SentMessage[];
  /** Mentions the platform would turn into a notification in this message (none is the contract). */
  pings(message: SentMessage): string[];
  /** The platform answers the next post to this channel with 429 and "retry after `seconds`". */
  rateLimitNext: Capability<(channel: ChannelRef, seconds: number) => void>;
  /** The platform's own ids of the last message in the channel: what `messageRef` must say. */
  lastMessageRef: Capability<(channel: ChannelRef) => MessageRef>;
  /** Retraction (a takedown reaching posts already delivered): what the platform shows of one message. */
  retraction: Capability<Retraction>;
}

export interface Retraction {
  /** The message as the channel shows it now: its text, or "deleted". */
  shown(channel: ChannelRef, ref: MessageRef): { text: string } | "deleted";
  /** Makes the message older than the platform lets a bot delete; not applicable where there is no limit. */
  makeUndeletable: Capability<(channel: ChannelRef, ref: MessageRef) => void>;
}

/** The buttons under a card or a post ("What you can do", "Read more", the share links). */
export interface Buttons {
  /** The labels of a message's buttons, as the platform holds them (the console: its numbered choices). */
  labels(message: SentMessage): string[];
  /**
   * Presses the button labelled `label` as a member whose language is `language` (a tag of ours; the
   * harness says it as its platform does). `privately`: what only the presser sees of the answer;
   * `publicly`: anything new everyone in the chat sees.
   */
  press: Capability<
    (
      message: SentMessage,
      label: string,
      language: string,
    ) => Promise<{ privately: SentMessage[]; publicly: SentMessage[] }>
  >;
  /** Whether the platform tells the presser's language (else the answer is in the chat's). */
  knowsPresserLanguage: boolean;
}

/** A running fake platform with the real adapter connected to it. */
export interface ContractWorld {
  adapter: PlatformAdapter;
  /**
   * Runs a command in the world's channel, through the platform; resolves with the bot's answer. `locale`
   * is the member's language where the platform tells one (Discord's interaction locale); a harness whose
   * platform sends none ignores it.
   */
  run(command: ContractCommand, as: Role, locale?: string): Promise<SentMessage[]>;
  /** Why a message breaks the platform's limits; empty when it fits. */
  limitProblems(message: SentMessage): string[];
  /** Mentions in an answer that would notify someone; empty is the contract. */
  pings: Capability<(message: SentMessage) => string[]>;
  /** Moderator commands refused to members; not applicable where every caller moderates. */
  members: Capability<true>;
  posts: Capability<ScheduledPosts>;
  buttons: Buttons;
  stop(): Promise<void>;
}

export interface ContractHarness {
  platform: string;
  start(bot: ContractBot): Promise<ContractWorld>;
}
