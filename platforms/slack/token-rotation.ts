/**
 * Token rotation (the app's "token rotation" setting): an installation's bot token then expires (12 hours on
 * Slack) and comes with a refresh token; `oauth.v2.access` with `grant_type=refresh_token` trades it for a
 * new pair, and Slack revokes the refresh token it was given. So one refresh at a time per installation
 * (concurrent callers share it), and the new pair is stored before anything else uses it.
 *
 * Refreshed ahead of expiry (three hours before, wider than Bolt's own two, so Bolt, which reads the
 * installation through us, finds it fresh and never refreshes it itself with the same refresh token), when
 * a scheduled post or an incoming request needs the token. A failed refresh is logged and marked on the
 * installation (`refreshFailure`: when and Slack's error); the old token is used while it lasts, and after
 * that the token is reported as unavailable (`TokenRefreshError`), which a post takes as "try later": the
 * subscriptions stay as they are until the workspace reinstalls or the refresh works again.
 */
import { webApi } from "@slack/bolt";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { Logger } from "../../src/core/ports/logger.ts";

/** Refresh this long before the token expires. */
export const REFRESH_AHEAD_S = 3 * 60 * 60;

export class TokenRefreshError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`the Slack bot token of ${key} expired and could not be refreshed: ${reason}`);
    this.name = "TokenRefreshError";
  }
}

export interface RotationOptions {
  store: InstallationStore;
  platform: string;
  client: webApi.WebClient;
  clientId: string;
  clientSecret: string;
  logger: Logger;
  /** Epoch seconds; default the system clock (Slack's `expires_in` counts real time). */
  nowS?(): number;
}

interface StoredBot {
  token?: string;
  refreshToken?: string;
  /** Epoch seconds, as Bolt stores it. */
  expiresAt?: number;
}

const botOf = (data: Record<string, unknown>): StoredBot => (data.bot ?? {}) as StoredBot;

export function createTokenRotation(options: RotationOptions) {
  const nowS = options.nowS ?? (() => Math.floor(Date.now() / 1000));
  const inFlight = new Map<string, Promise<Record<string, unknown>>>();

  async function refresh(key: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const bot = botOf(data);
    try {
      const answer = await options.client.oauth.v2.access({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        grant_type: "refresh_token",
        refresh_token: bot.refreshToken ?? "",
      });
      if (!answer.access_token || !answer.refresh_token || answer.expires_in === undefined)
        throw new Error("oauth.v2.access gave no new token pair");
      const renewed = {
        ...data,
        bot: {
          ...bot,
          token: answer.access_token,
          refreshToken: answer.refresh_token,
          expiresAt: nowS() + answer.expires_in,
        },
      };
      Reflect.deleteProperty(renewed, "refreshFailure");
      await options.store.save(options.platform, key, renewed);
      options.logger.info({ installation: key }, "slack: bot token refreshed (token rotation)");
      return renewed;
    } catch (err) {
      const reason =
        err instanceof webApi.WebAPIPlatformError
          ? err.data.error
          : err instanceof Error
            ? err.message
            : String(err);
      options.logger.warn(
        { installation: key, reason },
        "slack: could not refresh a bot token (token rotation)",
      );
      const marked = {
        ...data,
        refreshFailure: { at: new Date(nowS() * 1000).toISOString(), error: reason },
      };
      await options.store.save(options.platform, key, marked).catch((saveErr: unknown) => {
        options.logger.warn(
          { err: saveErr, installation: key },
          "slack: could not mark a failed token refresh",
        );
      });
      if (bot.expiresAt !== undefined && bot.expiresAt > nowS()) return marked;
      throw new TokenRefreshError(key, reason);
    }
  }

  return {
    /**
     * The installation with a token good for a while: as stored, or refreshed first when it expires within
     * REFRESH_AHEAD_S. Throws TokenRefreshError when it has expired and cannot be refreshed.
     */
    async fresh(key: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
      const bot = botOf(data);
      if (!bot.refreshToken || bot.expiresAt === undefined || bot.expiresAt - nowS() > REFRESH_AHEAD_S)
        return data;
      const running = inFlight.get(key);
      if (running) return running;
      const pending = refresh(key, data).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
      return pending;
    },
  };
}

export type TokenRotation = ReturnType<typeof createTokenRotation>;
