/**
 * What Slack refuses in a message, checked as cheaply as Slack documents it: block counts and shapes, text
 * lengths, button limits, the whole message's text, metadata. Returns the error Slack would answer with.
 */

export interface Refusal {
  error: string;
  detail: string;
}

export interface MessageLimits {
  /** Summed text of all blocks above which Slack answers `msg_blocks_too_long` (bolt-js#2509: ~12–13k). */
  maxBlocksText: number;
  /** Slack downloads images as a message is posted and refuses the message when one cannot be fetched. */
  imageReachable(url: string): boolean;
}

/** The fake's default: every image is reachable except on the reserved `.invalid` domain (RFC 2606). */
export const reachableUnlessInvalid = (url: string): boolean =>
  !/^https?:\/\/[^/]*\.invalid(?::\d+)?(?:\/|$)/i.test(url);

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isHttpUrl = (v: unknown): boolean =>
  typeof v === "string" && /^https?:\/\/[^\s]+$/.test(v) && v.length <= 3000;

class Invalid extends Error {}

function fail(path: string, message: string): never {
  throw new Invalid(`[ERROR] ${message} [json-pointer:${path}]`);
}

function textObject(value: unknown, path: string, max: number, only?: "plain_text"): number {
  if (!isObject(value)) fail(path, "must be a text object");
  if (value.type !== "plain_text" && value.type !== "mrkdwn")
    fail(`${path}/type`, "must be plain_text or mrkdwn");
  if (only && value.type !== only) fail(`${path}/type`, `must be ${only}`);
  if (typeof value.text !== "string" || value.text.length < 1)
    fail(`${path}/text`, "must be more than 0 characters");
  if (value.text.length > max) fail(`${path}/text`, `must be less than ${max + 1} characters`);
  if (value.type === "mrkdwn" && "emoji" in value)
    fail(`${path}/emoji`, "emoji is only allowed in plain_text");
  if (value.type === "plain_text" && "verbatim" in value)
    fail(`${path}/verbatim`, "verbatim is only allowed in mrkdwn");
  return value.text.length;
}

function image(url: unknown, path: string, limits: MessageLimits): void {
  if (!isHttpUrl(url)) fail(path, "must be a valid URL");
  if (!limits.imageReachable(url as string)) fail(path, "downloading image failed");
}

function element(value: unknown, path: string, actionIds: Set<string>, limits: MessageLimits): number {
  if (!isObject(value)) fail(path, "must be an element");
  if (value.type === "image") {
    image(value.image_url, `${path}/image_url`, limits);
    if (typeof value.alt_text !== "string" || !value.alt_text) fail(`${path}/alt_text`, "is required");
    return 0;
  }
  if (value.type === "external_select") {
    // Its options come from the app's options endpoint (block_suggestion), not from the message.
    if (typeof value.action_id !== "string" || value.action_id.length > 255)
      fail(`${path}/action_id`, "is invalid");
    if (actionIds.has(value.action_id)) fail(`${path}/action_id`, "must be unique");
    actionIds.add(value.action_id);
    if (value.placeholder !== undefined)
      textObject(value.placeholder, `${path}/placeholder`, 150, "plain_text");
    if (value.min_query_length !== undefined && typeof value.min_query_length !== "number")
      fail(`${path}/min_query_length`, "must be a number");
    return 0;
  }
  if (value.type !== "button") return 0; // other elements: not used by the app, not checked here
  const size = textObject(value.text, `${path}/text`, 75, "plain_text");
  if (typeof value.action_id !== "string" || value.action_id.length > 255)
    fail(`${path}/action_id`, "is invalid");
  if (actionIds.has(value.action_id)) fail(`${path}/action_id`, "must be unique");
  actionIds.add(value.action_id);
  if (value.url !== undefined && !isHttpUrl(value.url))
    fail(`${path}/url`, "must be a valid URL under 3000 characters");
  if (value.value !== undefined && (typeof value.value !== "string" || value.value.length > 2000)) {
    fail(`${path}/value`, "must be less than 2001 characters");
  }
  if (value.style !== undefined && value.style !== "primary" && value.style !== "danger")
    fail(`${path}/style`, "is invalid");
  return size;
}

function block(
  value: unknown,
  path: string,
  ids: { blocks: Set<string>; actions: Set<string> },
  limits: MessageLimits,
): number {
  if (!isObject(value) || typeof value.type !== "string") fail(path, "must be a block with a type");
  if (value.block_id !== undefined) {
    if (typeof value.block_id !== "string" || value.block_id.length > 255)
      fail(`${path}/block_id`, "is invalid");
    if (ids.blocks.has(value.block_id)) fail(`${path}/block_id`, "must be unique");
    ids.blocks.add(value.block_id);
  }
  switch (value.type) {
    case "header":
      return textObject(value.text, `${path}/text`, 150, "plain_text");
    case "section": {
      if (value.text === undefined && value.fields === undefined) fail(path, "must have text or fields");
      let size = value.text === undefined ? 0 : textObject(value.text, `${path}/text`, 3000);
      if (value.fields !== undefined) {
        if (!Array.isArray(value.fields) || value.fields.length < 1 || value.fields.length > 10) {
          fail(`${path}/fields`, "must hold 1 to 10 items");
        }
        value.fields.forEach((f, i) => {
          size += textObject(f, `${path}/fields/${i}`, 2000);
        });
      }
      if (value.accessory !== undefined)
        size += element(value.accessory, `${path}/accessory`, ids.actions, limits);
      return size;
    }
    case "context":
    case "actions": {
      const max = value.type === "context" ? 10 : 25;
      if (!Array.isArray(value.elements) || value.elements.length < 1 || value.elements.length > max) {
        fail(`${path}/elements`, `must hold 1 to ${max} items`);
      }
      return value.elements.reduce<number>((sum, e, i) => {
        const p = `${path}/elements/${i}`;
        const isText = isObject(e) && (e.type === "plain_text" || e.type === "mrkdwn");
        return sum + (isText ? textObject(e, p, 3000) : element(e, p, ids.actions, limits));
      }, 0);
    }
    case "image":
      image(value.image_url, `${path}/image_url`, limits);
      if (typeof value.alt_text !== "string" || !value.alt_text || value.alt_text.length > 2000) {
        fail(`${path}/alt_text`, "must be 1 to 2000 characters");
      }
      return 0;
    case "divider":
      return 0;
    case "markdown":
      if (typeof value.text !== "string" || !value.text || value.text.length > 12_000)
        fail(`${path}/text`, "is invalid");
      return value.text.length;
    case "rich_text":
    case "video":
    case "file":
      return 0; // valid block types the app never sends; not checked further
    default:
      return fail(`${path}/type`, `unknown block type ${JSON.stringify(value.type)}`);
  }
}

/** Slack's checks for chat.postMessage and response_url bodies; undefined when Slack would accept it. */
export function validateMessage(body: Json, limits: MessageLimits): Refusal | undefined {
  const { text, blocks, metadata } = body;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if ((typeof text !== "string" || text === "") && !hasBlocks)
    return { error: "no_text", detail: "text or blocks" };
  if (typeof text === "string" && text.length > 40_000)
    return { error: "msg_too_long", detail: `${text.length}` };
  if (
    metadata !== undefined &&
    !(isObject(metadata) && typeof metadata.event_type === "string" && isObject(metadata.event_payload))
  ) {
    return { error: "invalid_metadata_format", detail: JSON.stringify(metadata) };
  }
  if (blocks === undefined) return undefined;
  return validateBlocks(blocks, 50, limits);
}

/** A message's or view's blocks: at most `maxBlocks` (50 in a message, 100 in a Home tab or modal). */
export function validateBlocks(
  blocks: unknown,
  maxBlocks: number,
  limits: MessageLimits,
): Refusal | undefined {
  if (!Array.isArray(blocks)) return { error: "invalid_blocks_format", detail: "blocks must be an array" };
  try {
    if (blocks.length > maxBlocks) fail("/blocks", `no more than ${maxBlocks} items allowed`);
    const ids = { blocks: new Set<string>(), actions: new Set<string>() };
    const total = blocks.reduce<number>((sum, b, i) => sum + block(b, `/blocks/${i}`, ids, limits), 0);
    if (total > limits.maxBlocksText)
      return { error: "msg_blocks_too_long", detail: `${total} characters of text` };
  } catch (err) {
    if (err instanceof Invalid) return { error: "invalid_blocks", detail: err.message };
    throw err;
  }
  return undefined;
}
