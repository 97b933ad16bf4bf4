/**
 * Many workspaces: Bolt's installation store on top of our `InstallationStore` port, and the per-workspace
 * bot token that scheduled posts are sent with. The installation is kept as Bolt hands it over (JSON),
 * keyed by the workspace id (`T…`), or for an org-wide (Enterprise Grid) install by the organisation's
 * (`E…`): one install, one bot token, good in every workspace of the organisation.
 *
 * A post names its workspace (`slack:<team>:<channel>`), not its organisation, so each workspace of an
 * org-wide install is linked to it (`{ orgInstall: "E…" }` under the workspace's key) the first time a
 * request from it is authorized: any subscription there was made by such a request, so its posts find the
 * organisation's token. A workspace's own install is never replaced by a link. With token rotation on,
 * every token is read through token-rotation.ts, which refreshes it ahead of expiry.
 */
import type {
  Installation,
  InstallationQuery,
  InstallationStore as BoltInstallationStore,
} from "@slack/bolt";
import type { InstallationStore } from "../../src/core/ports/installations.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import type { TokenRotation } from "./token-rotation.ts";
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

/** The organisation whose org-wide install serves this workspace, when its row is such a link. */
function orgLinkOf(data: Record<string, unknown> | undefined): string | undefined {
  return typeof data?.orgInstall === "string" ? data.orgInstall : undefined;
}

const asIs: Pick<TokenRotation, "fresh"> = { fresh: async (_key, data) => data };

export function createBoltInstallationStore(
  store: InstallationStore,
  logger: Logger,
  rotation: Pick<TokenRotation, "fresh"> = asIs,
): BoltInstallationStore {
  const linked = new Set<string>();

  async function linkTeam(teamId: string, enterpriseId: string) {
    if (linked.has(teamId)) return;
    const existing = await store.find(INSTALLATION_PLATFORM, teamId);
    if (!existing || (orgLinkOf(existing) && orgLinkOf(existing) !== enterpriseId)) {
      await store.save(INSTALLATION_PLATFORM, teamId, { orgInstall: enterpriseId });
      logger.info(
        { workspace: teamId, organisation: enterpriseId },
        "slack: a workspace of an org-wide install",
      );
    }
    linked.add(teamId);
  }

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
      linked.delete(key);
      const scope = installation.isEnterpriseInstall ? "organisation" : "workspace";
      logger.info(
        { [scope]: key },
        `slack: the app was installed in a${scope === "organisation" ? "n" : ""} ${scope}`,
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      const stored = await store.find(INSTALLATION_PLATFORM, key);
      // Bolt turns this into an authorization error, and the request into nothing.
      if (!stored || !botTokenOf(stored)) throw new Error(`the app is not installed in ${key}`);
      if (query.isEnterpriseInstall && query.teamId) await linkTeam(query.teamId, key);
      return (await rotation.fresh(key, stored)) as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.remove(INSTALLATION_PLATFORM, keyOf(query));
    },
  };
}

/**
 * The bot token for a workspace: its own install's, or its organisation's org-wide install's; refreshed
 * first when it is about to expire. Read at each call, so an uninstall takes effect at once.
 */
export function installationTokens(
  store: InstallationStore,
  rotation: Pick<TokenRotation, "fresh"> = asIs,
): TokenResolver {
  return async (teamId) => {
    let key = teamId;
    let data = await store.find(INSTALLATION_PLATFORM, teamId);
    const org = orgLinkOf(data);
    if (org) {
      key = org;
      data = await store.find(INSTALLATION_PLATFORM, org);
    }
    if (!data || !botTokenOf(data)) return undefined;
    return botTokenOf(await rotation.fresh(key, data));
  };
}
