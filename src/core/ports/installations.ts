/** Per-workspace platform credentials (Slack OAuth installations). */

/**
 * A platform's per-workspace credentials (a Slack OAuth installation), stored as the platform library gives
 * them, keyed by the workspace (or enterprise) id. Only that platform's adapter reads inside `data`.
 */
export interface InstallationStore {
  save(platform: string, key: string, data: Record<string, unknown>): Promise<void>;
  find(platform: string, key: string): Promise<Record<string, unknown> | undefined>;
  /** Removes it (uninstall, tokens revoked); returns whether there was one. */
  remove(platform: string, key: string): Promise<boolean>;
}
