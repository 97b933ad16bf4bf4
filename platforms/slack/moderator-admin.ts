/**
 * `/moderators add @user | remove @user | list`: how a workspace's admins make members bot moderators.
 * Slack-only (the other platforms' own roles suffice), so the adapter handles it instead of the shared
 * command registry. Only admins and owners may add or remove, so a bot moderator cannot make more of
 * themselves; any moderator may see the list.
 */
import type { BotModeratorRepository } from "../../src/core/ports/bot-moderators.ts";
import { english, type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import { type Reply, reply as plainReply, type Visibility } from "../../src/core/reply.ts";
import { encodeCommunityRef } from "./ids.ts";
import { isFullMember, isWorkspaceAdmin, type Moderators, type SlackUserRoles } from "./moderators.ts";

export const MODERATORS_COMMAND = "moderators";
export const MODERATORS_DESCRIPTION = "Admins: add or remove the bot's moderators here, or list them";
export const MODERATORS_USAGE = "/moderators add @user · /moderators remove @user · /moderators list";

export type ModeratorsRequest =
  | { action: "add" | "remove"; userId: string }
  | { action: "list" }
  | { action: "usage"; problem?: string };

/**
 * The manifest asks Slack to escape this command's text, so a typed `@ana` arrives as `<@U123|ana>`;
 * a bare user id is accepted too.
 */
const USER = /^(?:<@([UW][A-Z0-9]{2,40})(?:\|[^>]*)?>|([UW][A-Z0-9]{2,40}))$/;

export function parseModeratorsText(text: string, tr: Translator = english): ModeratorsRequest {
  const [verb = "", target, ...rest] = text.trim().split(/\s+/);
  const action = verb.toLowerCase();
  if (action === "list" && target === undefined) return { action: "list" };
  if (action !== "add" && action !== "remove") return { action: "usage" };
  const match = target === undefined || rest.length > 0 ? null : USER.exec(target);
  const userId = match?.[1] ?? match?.[2];
  if (!userId) return { action: "usage", problem: tr.t("render.modNameOne", { action }) };
  return { action, userId };
}

export interface ModeratorAdminDeps {
  moderators: Moderators;
  botModerators: BotModeratorRepository;
  /** The moderator-only commands, named in the reply so an admin knows what they granted. */
  moderatorCommands: readonly string[];
  /** DEFAULT_LANGUAGE: the replies' language (Slack sends no member locale); absent: English. */
  defaultLanguage?: string;
}

export interface ModeratorsCall {
  teamId: string;
  userId: string;
  text: string;
}

const displayName = (user: SlackUserRoles | undefined, id: string) =>
  user?.real_name?.trim() || user?.name?.trim() || id;

export async function runModeratorsCommand(deps: ModeratorAdminDeps, call: ModeratorsCall): Promise<Reply> {
  const tr = translatorFor(deps.defaultLanguage);
  const language = tr.language.tag;
  // Every reply says its language, so the renderer's own words follow it.
  const reply = {
    info: (text: string, v?: Visibility): Reply => ({ ...plainReply.info(text, v), language }),
    success: (text: string, v?: Visibility): Reply => ({ ...plainReply.success(text, v), language }),
    error: (text: string): Reply => ({ ...plainReply.error(text), language }),
  };
  const request = parseModeratorsText(call.text, tr);
  if (request.action === "usage") {
    const usage = tr.t("render.modUsage", { usage: MODERATORS_USAGE });
    return reply.error([request.problem, usage].filter(Boolean).join("\n"));
  }
  const community = encodeCommunityRef(call.teamId);
  if (request.action === "list") {
    if (!(await deps.moderators.isModerator(call.teamId, call.userId))) {
      return reply.error(tr.t("render.modListRefused"));
    }
    const ids = await deps.botModerators.list(community);
    if (ids.length === 0) {
      return reply.info(tr.t("render.modNone"), "private");
    }
    const names = await Promise.all(
      ids.map(async (id) => displayName(await lookup(deps, call.teamId, id), id)),
    );
    return reply.info(tr.t("render.modList", { names: names.join(", ") }), "private");
  }
  if (!(await deps.moderators.isAdmin(call.teamId, call.userId))) {
    return reply.error(tr.t("render.modNotAdmin", { action: request.action }));
  }
  const change = { community, userId: request.userId, actor: `slack:${call.userId}` };
  if (request.action === "remove") {
    // Removing needs no facts about the person, so a failed lookup only costs their name.
    const name = displayName(await lookup(deps, call.teamId, request.userId), request.userId);
    return (await deps.botModerators.revoke(change))
      ? reply.success(tr.t("render.modRemoved", { name }), "private")
      : reply.info(tr.t("render.modWasNot", { name }), "private");
  }
  // Adding does: a guest or a stranger must not get in because Slack could not be asked (this throws).
  const target = await deps.moderators.user(call.teamId, request.userId);
  const name = displayName(target, request.userId);
  if (!isFullMember(target)) {
    return reply.error(tr.t("render.modNotMember", { name }));
  }
  if (isWorkspaceAdmin(target)) {
    return reply.info(tr.t("render.modIsAdmin", { name }), "private");
  }
  const granted = await deps.botModerators.grant(change);
  const what = deps.moderatorCommands.map((c) => `/${c}`).join(", ");
  return granted
    ? reply.success(tr.t("render.modAdded", { name, commands: what }), "private")
    : reply.info(tr.t("render.modAlready", { name }), "private");
}

/** A name for the list; a user Slack cannot tell us about is shown by id rather than failing the list. */
async function lookup(deps: ModeratorAdminDeps, teamId: string, userId: string) {
  try {
    return await deps.moderators.user(teamId, userId);
  } catch {
    return undefined;
  }
}
