/**
 * `views.publish`: the Home tab one user sees. As Slack documents it: no scope needed; `not_enabled` when
 * the app's Home tab is off; `invalid_arguments` for a user it does not know or a view it refuses (a home
 * view holds at most 100 blocks, each valid as in a message); `view_too_large` above 250 kB.
 */
import type { FakeTeam } from "./state.ts";
import { validateBlocks } from "./validate.ts";
import type { ApiAnswer, ApiWorld } from "./web-api.ts";

const MAX_VIEW_BYTES = 250_000;

const invalid = (message: string): ApiAnswer => ({
  status: 200,
  body: { ok: false, error: "invalid_arguments", response_metadata: { messages: [message] } },
});

export function publishView(world: ApiWorld, team: FakeTeam, body: Record<string, unknown>): ApiAnswer {
  const user = world.users.get(String(body.user_id ?? ""));
  if (!user || user.teamId !== team.id) return invalid("invalid `user_id`");
  const view = body.view;
  if (typeof view !== "object" || view === null || Array.isArray(view)) return invalid("invalid `view`");
  const fields = view as Record<string, unknown>;
  if (fields.type !== "home") return invalid("[ERROR] must be home [json-pointer:/view/type]");
  if (!world.homeTabEnabled) return { status: 200, body: { ok: false, error: "not_enabled" } };
  if (JSON.stringify(view).length > MAX_VIEW_BYTES)
    return { status: 200, body: { ok: false, error: "view_too_large" } };
  // msg_blocks_too_long is a message's limit; a view's is its size, checked above.
  const refusal = validateBlocks(fields.blocks, 100, {
    ...world.limits,
    maxBlocksText: Number.POSITIVE_INFINITY,
  });
  if (refusal) return invalid(refusal.detail);
  const at = world.now();
  world.views.push({ teamId: team.id, userId: user.id, view: fields, at });
  return {
    status: 200,
    body: { ok: true, view: { id: `V0${world.views.length}`, team_id: team.id, ...fields } },
  };
}
