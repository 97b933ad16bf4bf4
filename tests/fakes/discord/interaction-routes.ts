/**
 * Interaction responses: the one initial callback (within the deadline, never twice), then edits of the
 * original and follow-ups through the interaction webhook, valid for 15 minutes. No bot token involved.
 */
import { type Reply, refuseMessage } from "./handlers.ts";
import { createMessage, editMessage } from "./messages.ts";
import type { Route } from "./rest.ts";
import type { FakeInteraction, FakeState } from "./state.ts";
import { FormErrors, validateAutocomplete } from "./validate.ts";

type Json = Record<string, unknown>;

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });
const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null ? (value as Json) : {};
const TOKEN_LIFETIME_MS = 15 * 60_000;
const EPHEMERAL = 64;
const LOADING = 128;

/** Which initial responses each interaction type accepts (interactions/receiving-and-responding). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8] };

function callback(
  state: FakeState,
  [id = "", token = ""]: string[],
  body: Json,
  withResponse: boolean,
): Reply {
  const ix = state.interactions.get(id);
  if (!ix || ix.token !== token) return error(404, 10062, "Unknown interaction");
  ix.callbacks.push(body);
  if (Date.now() - ix.createdAt > state.interactionDeadlineMs)
    return error(404, 10062, "Unknown interaction");
  if (ix.responseType !== undefined) return error(400, 40060, "Interaction has already been acknowledged.");
  const type = Number(body.type);
  if (!ALLOWED[ix.type]?.includes(type)) {
    const errors = new FormErrors();
    errors.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid response type for this interaction");
    return { status: 400, body: errors.body() };
  }
  const data = asObject(body.data);
  if (type === 8) {
    const errors = new FormErrors();
    validateAutocomplete(data, errors);
    if (!errors.empty) return { status: 400, body: errors.body() };
  }
  if (type === 4) {
    const refused = refuseMessage(data);
    if (refused) return refused;
  }
  if (type === 4 || type === 5) {
    const flags = (Number(data.flags ?? 0) & EPHEMERAL) | (type === 5 ? LOADING : 0);
    const content = type === 4 ? data : {};
    ix.original = createMessage(state, ix.channelId, ix.guildId, content, {
      interactionId: ix.id,
      flags,
      type: 20,
    });
  }
  ix.responseType = type;
  if (!withResponse) return { status: 204 };
  return {
    status: 200,
    body: { interaction: { id: ix.id, type: ix.type }, resource: { type, message: ix.original?.json } },
  };
}

function webhookInteraction(state: FakeState, appId: string, token: string): FakeInteraction | undefined {
  const ix = state.interactionByToken(token);
  if (!ix || appId !== state.applicationId || Date.now() - ix.createdAt > TOKEN_LIFETIME_MS) return undefined;
  return ix;
}

export const interactionRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
    route: "POST /interactions/:id/:token/callback",
    interaction: true,
    handle: (state, params, request) =>
      callback(state, params, asObject(request.body), request.query.get("with_response") === "true"),
  },
  {
    method: "PATCH",
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
    route: "PATCH /webhooks/:id/:token/messages/@original",
    interaction: true,
    handle: (state, [appId = "", token = ""], request) => {
      const ix = webhookInteraction(state, appId, token);
      if (!ix) return error(404, 10015, "Unknown Webhook");
      if (!ix.original || ix.original.deleted) return error(404, 10008, "Unknown Message");
      const patch = asObject(request.body);
      const refused = refuseMessage({ ...ix.original.body, ...patch });
      if (refused) return refused;
      editMessage(state, ix.original, patch);
      ix.original.json.flags = Number(ix.original.json.flags ?? 0) & ~LOADING;
      return { status: 200, body: ix.original.json };
    },
  },
  {
    method: "GET",
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
    route: "GET /webhooks/:id/:token/messages/@original",
    interaction: true,
    handle: (state, [appId = "", token = ""]) => {
      const original = webhookInteraction(state, appId, token)?.original;
      return original && !original.deleted
        ? { status: 200, body: original.json }
        : error(404, 10008, "Unknown Message");
    },
  },
  {
    method: "DELETE",
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
    route: "DELETE /webhooks/:id/:token/messages/@original",
    interaction: true,
    handle: (state, [appId = "", token = ""]) => {
      const original = webhookInteraction(state, appId, token)?.original;
      if (!original || original.deleted) return error(404, 10008, "Unknown Message");
      original.deleted = true;
      return { status: 204 };
    },
  },
  {
    method: "POST",
    pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
    route: "POST /webhooks/:id/:token",
    interaction: true,
    handle: (state, [appId = "", token = ""], request) => {
      const ix = webhookInteraction(state, appId, token);
      if (!ix) return error(404, 10015, "Unknown Webhook");
      if (ix.responseType === undefined || ix.responseType === 8) return error(404, 10015, "Unknown Webhook");
      const body = asObject(request.body);
      const refused = refuseMessage(body);
      if (refused) return refused;
      const loading = ix.original && !ix.original.deleted && Number(ix.original.json.flags ?? 0) & LOADING;
      if (ix.original && loading) {
        // As on Discord: the first follow-up to an unresolved deferral resolves it, so it becomes the
        // original message and keeps the deferral's visibility; its own flags are ignored.
        const { flags: _ignored, ...content } = body;
        editMessage(state, ix.original, content);
        ix.original.json.flags = Number(ix.original.json.flags ?? 0) & ~LOADING;
        return request.query.get("wait") === "true"
          ? { status: 200, body: ix.original.json }
          : { status: 204 };
      }
      const flags = Number(body.flags ?? 0) & EPHEMERAL;
      const message = createMessage(state, ix.channelId, ix.guildId, body, {
        interactionId: ix.id,
        flags,
        type: 0,
      });
      ix.followUps.push(message);
      return request.query.get("wait") === "true" ? { status: 200, body: message.json } : { status: 204 };
    },
  },
];
