/**
 * `campaigns list` (what is stored, which is the default, what hangs on each) and `campaigns remove`:
 * refused while subscriptions or profiles depend on the campaign, unless the operator says where the
 * subscriptions go (--move-to) and that the profiles go too (--with-profiles); all in one transaction,
 * audited with the operator's name.
 */
import type { App } from "../app.ts";
import { UserError } from "../core/errors.ts";
import type { CampaignDependents, CampaignRemovalNeed, CampaignSummary } from "../core/ports/campaigns.ts";
import { defaultCampaign } from "../services/default-campaign.ts";
import type { CliContext } from "./context.ts";
import { type ListView, writeList } from "./list-output.ts";

/** How many subscriptions or spotlights a message names before it counts the rest. */
const NAMED = 20;

export function runCampaignsList(ctx: CliContext, options: { json: boolean }): Promise<number> {
  return ctx.withApp(async (app) => {
    const summaries = await app.repositories.campaigns.list();
    const chosen = defaultCampaign(summaries.map((s) => s.campaign));
    writeList(ctx.io, summaries, campaignsView(chosen?.id), options.json);
    if (!options.json && summaries.length > 0 && !chosen) {
      ctx.io.stdout.write(
        "No campaign is the default: a /subscribe must name one. Mark one with isDefault: true and import it.\n",
      );
    }
    return 0;
  });
}

function campaignsView(defaultId: string | undefined): ListView<CampaignSummary> {
  return {
    columns: ["id", "name", "hashtag", "default", "historical", "profiles", "subscriptions"],
    cells: ({ campaign, profiles, subscriptions, activeSubscriptions }) => [
      campaign.id,
      campaign.name,
      campaign.hashtag,
      campaign.id === defaultId ? "yes" : "no",
      campaign.historical ? `as of ${campaign.historical.asOf}` : "no",
      String(profiles),
      subscriptions === activeSubscriptions
        ? String(subscriptions)
        : `${subscriptions} (${activeSubscriptions} active)`,
    ],
    json: ({ campaign, profiles, subscriptions, activeSubscriptions }) => ({
      id: campaign.id,
      name: campaign.name,
      hashtag: campaign.hashtag,
      default: campaign.id === defaultId,
      historicalAsOf: campaign.historical?.asOf ?? null,
      profiles,
      subscriptions,
      activeSubscriptions,
    }),
    empty: "No campaigns. Import one: freetobehome import <file or folder>",
  };
}

export function runCampaignRemove(
  ctx: CliContext,
  id: string,
  options: { moveTo: string | undefined; withProfiles: boolean },
): Promise<number> {
  return ctx.withApp((app) => removeCampaign(ctx, app, id, options));
}

/** The first few, then how many more: a message stays readable for a campaign with thousands of them. */
function named(items: string[]): string {
  const more = items.length - NAMED;
  return items.slice(0, NAMED).join(", ") + (more > 0 ? `, and ${more} more` : "");
}

function refusal(id: string, dependents: CampaignDependents, needs: CampaignRemovalNeed[], others: string[]) {
  const lines = [`Campaign "${id}" was not removed; nothing changed.`];
  if (needs.includes("move-to")) {
    const { subscriptions } = dependents;
    const where = others.length > 0 ? `campaigns: ${others.join(", ")}` : "import another campaign first";
    lines.push(
      `  ${subscriptions.length} subscription(s) follow it: ${named(subscriptions.map((s) => `${s.channel} (${s.state})`))}.`,
      `  Move them to another campaign with --move-to <id> (${where}).`,
    );
  }
  if (needs.includes("with-profiles")) {
    const { profiles, spotlights } = dependents;
    lines.push(
      `  It holds ${profiles.length} profile(s)${profiles.length > 0 ? `: ${named(profiles)}` : ""}.`,
    );
    if (spotlights.length > 0) {
      const each = spotlights.map(
        (s) => `#${s.id} ${s.profileId} in ${s.channel} on ${s.localDate} (${s.state})`,
      );
      lines.push(`  Spotlights set on them: ${named(each)}.`);
    }
    lines.push("  Add --with-profiles to remove them with it (curators can import the files again later).");
  }
  return new UserError(lines.join("\n"), "INVALID_ARGUMENTS");
}

async function removeCampaign(
  ctx: CliContext,
  app: App,
  id: string,
  options: { moveTo: string | undefined; withProfiles: boolean },
): Promise<number> {
  const outcome = await app.repositories.campaigns.remove(id, {
    ...(options.moveTo === undefined ? {} : { moveTo: options.moveTo }),
    withProfiles: options.withProfiles,
    actor: `cli:${ctx.io.user}`,
    at: new Date(),
  });
  const known = (ids: string[]) => (ids.length > 0 ? ids.join(", ") : "none");
  switch (outcome.kind) {
    case "unknown-campaign":
      throw new UserError(`No campaign "${id}". Campaigns: ${known(outcome.known)}.`, "CAMPAIGN_NOT_FOUND");
    case "unknown-target":
      throw new UserError(
        `--move-to "${options.moveTo}" is not another campaign` +
          `${options.moveTo === id ? " (it is the one being removed)" : ""}; nothing changed. ` +
          `Campaigns to move to: ${known(outcome.known)}.`,
        "CAMPAIGN_NOT_FOUND",
      );
    case "refused": {
      const others = (await app.repositories.catalog.listCampaigns())
        .map((c) => c.id)
        .filter((c) => c !== id);
      throw refusal(id, outcome.dependents, outcome.needs, others);
    }
    case "removed": {
      const { campaign, dependents } = outcome;
      const lines = [`Removed campaign ${campaign.id} (${campaign.name}).`];
      if (dependents.subscriptions.length > 0) {
        const moved = dependents.subscriptions.map((s) => `${s.channel} (${s.state})`);
        lines.push(`  ${moved.length} subscription(s) moved to ${options.moveTo}: ${named(moved)}.`);
      }
      if (dependents.profiles.length + dependents.spotlights.length > 0) {
        lines.push(
          `  ${dependents.profiles.length} profile(s) and ${dependents.spotlights.length} spotlight(s) removed with it.`,
        );
      }
      const remaining = await app.repositories.catalog.listCampaigns();
      const next = defaultCampaign(remaining);
      if (next) lines.push(`  The default campaign is ${next.id}.`);
      else if (remaining.length > 0)
        lines.push("  No campaign is the default now: a /subscribe must name one.");
      ctx.io.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    }
  }
}
