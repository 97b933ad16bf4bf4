/**
 * What Slack would make of a message's text: which mentions would notify someone and which links would
 * be clickable. Only text Slack parses counts: the message's `text` and every `mrkdwn` text object;
 * `plain_text` is shown as typed.
 */

const SPECIAL = /<(![a-z]+(?:\^[^>|]*)?|@[UW][A-Z0-9]+|#C[A-Z0-9]+)(?:\|[^>]*)?>/g;
const LINK = /<((?:https?|mailto):[^>|]*)(?:\|[^>]*)?>/g;
/** With `verbatim` unset Slack also parses bare mentions ("certain mentions will be automatically parsed"). */
const BARE = /(^|\s)@(channel|here|everyone)\b/g;

/** Every text Slack treats as mrkdwn in a message body, and whether it is parsed verbatim. */
function mrkdwnTexts(body: Record<string, unknown>): Array<{ text: string; verbatim: boolean }> {
  const out: Array<{ text: string; verbatim: boolean }> = [];
  if (typeof body.text === "string" && body.mrkdwn !== false) {
    // chat.postMessage defaults to parse=none: only explicit markup in `text`, unless link_names is set.
    out.push({ text: body.text, verbatim: body.link_names !== true && body.link_names !== "true" });
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.type === "mrkdwn" && typeof record.text === "string") {
        out.push({ text: record.text, verbatim: record.verbatim === true });
      } else Object.values(record).forEach(walk);
    }
  };
  walk(body.blocks);
  return out;
}

const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function scanMarkup(body: Record<string, unknown>): { mentions: string[]; links: string[] } {
  const mentions: string[] = [];
  const links: string[] = [];
  for (const { text, verbatim } of mrkdwnTexts(body)) {
    for (const match of text.matchAll(SPECIAL)) mentions.push(match[0]);
    // Slack unescapes entities in a link's target as everywhere else in mrkdwn.
    for (const match of text.matchAll(LINK)) links.push(decodeEntities(match[1] ?? ""));
    if (!verbatim) for (const match of text.matchAll(BARE)) mentions.push(`@${match[2]}`);
  }
  return { mentions, links };
}
