/**
 * What the app does with each incoming request: acknowledge first (Slack gives 3 seconds), then dispatch,
 * then answer through the request's response_url. The same listeners serve HTTP and Socket Mode.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { type MessageKey, translatorFor } from "../../src/core/i18n/translator.ts";
import type { Dispatch } from "../../src/core/platform.ts";
import type { Logger } from "../../src/core/ports/logger.ts";
import { type Reply, reply as replies } from "../../src/core/reply.ts";
import { CHOICE_ACTION, LINK_ACTION, PRIVATE_COMMAND_ACTION } from "./actions.ts";
import { MODERATORS_COMMAND, type ModeratorsCall } from "./moderator-admin.ts";
import { type ModeratorCheck, parseChoiceAction, parseSlashCommand, unescapeSlackText } from "./parse.ts";
import { renderReply } from "./render.ts";

export interface ListenerDeps {
  dispatch: Dispatch;
  commandNames: ReadonlySet<string>;
  isModerator: ModeratorCheck;
  /** `/moderators`, which the adapter answers itself (Slack-only). */
  runModerators(call: ModeratorsCall): Promise<Reply>;
  logger: Logger;
  /** Told when a workspace removes the app or revokes its bot token. */
  onWorkspaceGone(teamId: string, reason: WorkspaceGoneReason): Promise<void>;
  /** DEFAULT_LANGUAGE, for the adapter's own words (Slack sends no member locale). */
  defaultLanguage?: string;
}

export type WorkspaceGoneReason = "app_uninstalled" | "tokens_revoked";

/**
 * The adapter's own words: Slack's payloads carry no member locale, so they are in the default language
 * (DEFAULT_LANGUAGE, else English), with the reply marked so the renderer's words follow.
 */
function ownError(deps: Pick<ListenerDeps, "defaultLanguage">, key: MessageKey): Reply {
  const tr = translatorFor(deps.defaultLanguage);
  return { ...replies.error(tr.t(key)), language: tr.language.tag };
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  // Every slash command routed to this app, so that none waits 3 s for an ack; dispatch answers unknown ones.
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    await ack();
    if (command.command.toLowerCase() === `/${MODERATORS_COMMAND}`) {
      const call = {
        teamId: command.team_id,
        userId: command.user_id,
        text: unescapeSlackText(command.text),
      };
      const reply = await guarded(deps, MODERATORS_COMMAND, () => deps.runModerators(call));
      await answer(deps.logger, respond, reply, {});
      return;
    }
    const invocation = parseSlashCommand(command, deps.isModerator);
    const reply = invocation
      ? await guarded(deps, invocation.command, () => deps.dispatch(invocation))
      : ownError(deps, "render.requestUnreadable");
    await answer(deps.logger, respond, reply, {});
  });

  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: CHOICE_ACTION }, async (args) => {
    await args.ack();
    const invocation = parseChoiceAction(args.body, args.action.value, deps.commandNames, deps.isModerator);
    const reply = invocation
      ? await guarded(deps, invocation.command, () => deps.dispatch(invocation))
      : ownError(deps, "render.choiceExpired");
    // A private answer replaces the list it was picked from; a public one is posted, and the list removed.
    if (reply.visibility === "private") {
      await answer(deps.logger, args.respond, reply, { replace_original: true });
      return;
    }
    await answer(deps.logger, args.respond, reply, { replace_original: false });
    await args
      .respond({ delete_original: true })
      .catch((err) => deps.logger.info({ err }, "slack: could not remove the choice list"));
  });

  // "What you can do" under a card or post: answered to the presser alone (ephemeral, via response_url),
  // as a new message, so the card everyone sees stays as it is.
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: PRIVATE_COMMAND_ACTION },
    async (args) => {
      await args.ack();
      const invocation = parseChoiceAction(args.body, args.action.value, deps.commandNames, deps.isModerator);
      const reply = invocation
        ? await guarded(deps, invocation.command, () => deps.dispatch(invocation))
        : ownError(deps, "render.choiceExpired");
      await answer(
        deps.logger,
        args.respond,
        { ...reply, visibility: "private" },
        { replace_original: false },
      );
    },
  );

  // Share buttons are links; Slack still reports the click and expects an ack.
  app.action({ type: "block_actions", action_id: LINK_ACTION }, async ({ ack }) => {
    await ack();
  });

  // Bolt runs these without authorizing first, since the workspace's token may already be gone.
  app.event("app_uninstalled", async ({ body }) => {
    await workspaceGone(deps, body.team_id, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ body, event }) => {
    // Only the bot token matters: user tokens (were any ever granted) are not what we post with.
    if ((event.tokens.bot ?? []).length === 0) return;
    await workspaceGone(deps, body.team_id, "tokens_revoked");
  });
}

async function workspaceGone(deps: ListenerDeps, teamId: string, reason: WorkspaceGoneReason) {
  deps.logger.warn({ teamId, reason }, "slack: the app lost access to a workspace");
  await deps.onWorkspaceGone(teamId, reason);
}

async function guarded(deps: ListenerDeps, command: string, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (err) {
    // Dispatch turns errors into replies itself; this is the last boundary if it ever does not.
    deps.logger.error({ err, command }, "slack: a command threw");
    return ownError(deps, "render.slackApology");
  }
}

/**
 * Answers through response_url. If Slack refuses the message (most likely a photo it could not fetch),
 * it tries again without the photo, then as text alone, so the caller always hears back.
 */
async function answer(
  logger: Logger,
  respond: RespondFn,
  reply: Reply,
  extra: { replace_original?: boolean },
) {
  const full = renderReply(reply);
  const attempts = [
    full,
    ...(reply.kind === "card" && reply.card.photo ? [renderReply(reply, { photo: false })] : []),
    { response_type: full.response_type, text: full.text },
  ];
  for (const [index, message] of attempts.entries()) {
    try {
      await respond({ ...message, ...extra });
      return;
    } catch (err) {
      const last = index === attempts.length - 1;
      logger[last ? "error" : "warn"]({ err, attempt: index + 1 }, "slack: response_url refused the reply");
    }
  }
}
