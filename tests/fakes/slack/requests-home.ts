/**
 * Slack's requests from the App Home tab, as Slack sends them: the `app_home_opened` event, a button press
 * or menu choice in the Home view (`block_actions` with a `view` container and no response_url), the
 * `block_suggestion` an `external_select` sends as the person types, and an `app_mention` (in a thread
 * when `threadTs` is given).
 */
import { eventBody } from "./requests.ts";

export interface HomeCaller {
  teamId: string;
  userId: string;
  /** The organisation of the workspace, and whether the app is installed org-wide there. */
  org?: { enterpriseId: string; installed: boolean };
}

const teamOf = (caller: HomeCaller) => ({
  id: caller.teamId,
  domain: caller.teamId.toLowerCase(),
  ...(caller.org ? { enterprise_id: caller.org.enterpriseId } : {}),
});

const envelope = (caller: HomeCaller) => ({
  team: caller.org?.installed ? null : teamOf(caller),
  user: { id: caller.userId, username: caller.userId.toLowerCase(), team_id: caller.teamId },
  ...(caller.org ? { enterprise: { id: caller.org.enterpriseId, name: caller.org.enterpriseId } } : {}),
  is_enterprise_install: caller.org?.installed ?? false,
  api_app_id: "A0FAKEAPP",
  token: "legacy-verification-token",
});

/** The person opened the app's Home tab (`channel` is their direct message with the app). */
export function homeOpenedBody(caller: HomeCaller, channel: string): string {
  const event = { type: "app_home_opened", user: caller.userId, channel, tab: "home", event_ts: "1.2" };
  return eventBody(caller.teamId, event, caller.org);
}

export type HomeAction =
  | { actionId: string; kind: "button"; value?: string }
  | { actionId: string; kind: "external_select"; selected: { text: string; value: string } };

/**
 * One press or choice in the Home view; `privateMetadata` is what the app kept in the view it published
 * (Slack sends it back with every action from that view).
 */
export function homeActionPayload(
  caller: HomeCaller,
  action: HomeAction,
  privateMetadata = "",
): Record<string, unknown> {
  const element =
    action.kind === "button"
      ? { type: "button", ...(action.value !== undefined ? { value: action.value } : {}) }
      : {
          type: "external_select",
          selected_option: {
            text: { type: "plain_text", text: action.selected.text },
            value: action.selected.value,
          },
        };
  return {
    type: "block_actions",
    ...envelope(caller),
    container: { type: "view", view_id: "V0HOME" },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: "V0HOME",
      type: "home",
      team_id: caller.teamId,
      blocks: [],
      hash: "1.2",
      private_metadata: privateMetadata,
    },
    actions: [{ action_id: action.actionId, block_id: "home", action_ts: "1700000001.000200", ...element }],
  };
}

/** What the person typed so far in an `external_select`: the app answers with the options. */
export function blockSuggestionPayload(caller: HomeCaller, actionId: string, value: string) {
  return {
    type: "block_suggestion",
    ...envelope(caller),
    action_id: actionId,
    block_id: "home",
    value,
    container: { type: "view", view_id: "V0HOME" },
    view: { id: "V0HOME", type: "home", team_id: caller.teamId, blocks: [] },
  };
}

/** `@app <text>` in a channel, as a reply in the thread `threadTs` when given. */
export function appMentionBody(
  caller: HomeCaller & { channel: string; botUserId: string },
  text: string,
  ts: string,
  threadTs?: string,
): string {
  const event = {
    type: "app_mention",
    user: caller.userId,
    text: `<@${caller.botUserId}> ${text}`,
    ts,
    channel: caller.channel,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  return eventBody(caller.teamId, event, caller.org);
}
