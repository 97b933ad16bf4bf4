/**
 * Many workspaces: Bolt's installation store on top of our `InstallationStore` port, and the per-workspace
 * bot token that scheduled posts are sent with. The installation is kept as Bolt hands it over (JSON), keyed
 * by the workspace id.
 *
 * Org-wide (Enterprise Grid) installs are not offered: the manifest turns org deploy off, because a post to
 * `slack:<team>:<channel>` could then not find its token by the team alone. Token rotation is off too
 * (manifest), so the stored bot token stays valid until the workspace uninstalls or revokes it.
 */
import type {
  Installation,
  InstallationQuery,
  InstallationStore as BoltInstallationStore,
} from "@slack/bolt";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { TokenResolver } from "./web-client.ts";

export const INSTALLATION_PLATFORM = "slack";

function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key) throw new Error("a Slack installation without a workspace or organisation id");
  return key;
}

function botTokenOf(data: Record<string, unknown> | undefined): string | undefined {
  const bot = data?.bot as { token?: unknown } | undefined;
  return typeof bot?.token === "string" && bot.token !== "" ? bot.token : undefined;
}

export function createBoltInstallationStore(store: InstallationStore, logger: Logger): BoltInstallationStore {
  return {
    async storeInstallation(installation) {
      const key = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      // A JSON round trip: the port stores plain data, and Bolt's object may hold undefined members.
      const data = JSON.parse(JSON.stringify(installation)) as Record<string, unknown>;
      await store.save(INSTALLATION_PLATFORM, key, data);
      logger.info({ workspace: key }, "slack: the app was installed in a workspace");
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const data = await store.find(INSTALLATION_PLATFORM, keyOf(query));
      // Bolt turns this into an authorization error, and the request into nothing.
      if (!botTokenOf(data)) throw new Error(`the app is not installed in workspace ${keyOf(query)}`);
      return data as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.remove(INSTALLATION_PLATFORM, keyOf(query));
    },
  };
}

/** The bot token of an installed workspace, read at each call so an uninstall takes effect at once. */
export function installationTokens(store: InstallationStore): TokenResolver {
  return async (teamId) => botTokenOf(await store.find(INSTALLATION_PLATFORM, teamId));
}
