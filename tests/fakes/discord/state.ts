/**
 * Everything the fake remembers: the servers, registered commands, messages, interactions, and a log of
 * every request as it arrived, which tests read to assert exactly what discord.js sent.
 */
import { DEFAULT_LIMITS, type FaultRule, type RateLimitConfig, RateLimiter } from "./limits.ts";
import { newOAuthWorld, type OAuthWorld } from "./oauth.ts";
import { snowflake } from "./snowflake.ts";
import { createUser, type FakeChannel, type FakeGuild, type FakeUser, userJson } from "./world.ts";

type Json = Record<string, unknown>;

export interface RecordedRequest {
  at: number;
  method: string;
  /** Path after /api/v10, decoded (`@original`, not `%40original`). */
  path: string;
  /** The route key, e.g. "POST /channels/:id/messages". */
  route: string;
  major: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status?: number;
}

export interface Mentions {
  everyone: boolean;
  users: string[];
  roles: string[];
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  /** The request body that created or last edited it. */
  body: Json;
  json: Json;
  nonce?: string | number;
  createdAt: number;
  /** Who would have been notified, computed as Discord does from content and allowed_mentions. */
  mentions: Mentions;
  interactionId?: string;
  deleted?: boolean;
  /** Published to the channels following its announcement channel. */
  crossposted?: boolean;
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  guildId: string | null;
  channelId: string;
  user: FakeUser;
  /** Every callback body received, accepted or not. */
  callbacks: Json[];
  /** The accepted initial response type (4 reply, 5 defer, 8 autocomplete, …). */
  responseType?: number;
  original?: StoredMessage;
  followUps: StoredMessage[];
  /** The INTERACTION_CREATE data as dispatched, to replay it (a gateway resume can). */
  payload?: Json;
}

export interface RegisteredCommand {
  id: string;
  name: string;
  json: Json;
}

export interface FakeOptions {
  token?: string;
  limits?: Partial<RateLimitConfig>;
  /** Discord's is 3 s; a late initial response gets 10062 Unknown interaction. */
  interactionDeadlineMs?: number;
  /** How long enforce_nonce dedupes ("the past few minutes"). */
  nonceWindowMs?: number;
  heartbeatIntervalMs?: number;
}

export class FakeState {
  readonly token: string;
  readonly bot: FakeUser = createUser("FreeToBeHome", true);
  readonly applicationId = this.bot.id;
  readonly guilds: FakeGuild[] = [];
  readonly commands: RegisteredCommand[] = [];
  /** Per command name, users an admin allowed despite default_member_permissions (Integrations). */
  readonly commandOverrides = new Map<string, Set<string>>();
  readonly messages: StoredMessage[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  /** Each user's DM channel with the bot, by user id. */
  readonly dmChannels = new Map<string, string>();
  /** Users who take no DMs from the bot (they blocked it, or turned off DMs from server members). */
  readonly closedDms = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  /** OAuth2 for people signing in elsewhere with Discord (oauth.ts). */
  readonly oauth: OAuthWorld = newOAuthWorld();
  readonly faults: FaultRule[] = [];
  readonly limiter: RateLimiter;
  readonly interactionDeadlineMs: number;
  readonly nonceWindowMs: number;
  readonly heartbeatIntervalMs: number;

  constructor(options: FakeOptions = {}) {
    this.token = options.token ?? `fake.${snowflake()}.token`;
    this.limiter = new RateLimiter({ ...DEFAULT_LIMITS, ...options.limits });
    this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3_000;
    this.nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
  }

  channel(id: string): { guild: FakeGuild; channel: FakeChannel } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  interactionByToken(token: string): FakeInteraction | undefined {
    for (const interaction of this.interactions.values()) if (interaction.token === token) return interaction;
    return undefined;
  }

  messagesIn(channelId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && !m.interactionId && !m.deleted);
  }

  botUserJson() {
    return userJson(this.bot);
  }
}
