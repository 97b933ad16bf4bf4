/**
 * Block Kit building blocks that stay within Slack's limits by construction, and the text budget a whole
 * message shares.
 */
import type { types } from "@slack/bolt";
import type { ReplyButton } from "../../src/core/reply.ts";
import { encodeChoiceValue, linkActionId, privateCommandActionId } from "./actions.ts";
import { fitText, MAX_URL, safeUrl, splitText } from "./text.ts";

export type Block = types.KnownBlock;
type PlainText = types.PlainTextElement;
type Mrkdwn = types.MrkdwnElement;

export const LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  actionsElements: 25,
  altText: 2000,
  /** Not a documented limit, but Slack's advice for the `text` of a message. */
  fallbackText: 4000,
} as const;

/**
 * How much text (summed over every text object) one message may carry. Slack rejects messages far below
 * its documented limits with `msg_blocks_too_long` (around 12,000–13,200 characters in bolt-js#2509 and
 * #2867, counted in a way Slack does not document), so we stay well under that.
 */
export const TEXT_BUDGET = 10_000;

/** Hands out characters from the message's budget in priority order: what is asked for first is kept. */
export class TextBudget {
  constructor(private remaining = TEXT_BUDGET) {}

  /** The text fitted to its own cap and to what is left; "" when nothing is left. */
  take(text: string, cap: number, asMrkdwn = false): string {
    const out = fitText(text, Math.min(cap, this.remaining), asMrkdwn);
    this.remaining -= out.length;
    return out;
  }

  /** Spends characters the caller measured itself (markup we build, URLs). */
  spend(count: number): boolean {
    if (count > this.remaining) return false;
    this.remaining -= count;
    return true;
  }
}

/** `emoji: false`: a name with colons in it stays as typed instead of turning into an emoji. */
export const plain = (text: string): PlainText => ({ type: "plain_text", text, emoji: false });

/** `verbatim: true`: Slack does not auto-link URLs or channel names in our text; our own `<url|…>` stays. */
export const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text, verbatim: true });

export function header(text: string): Block[] {
  return text ? [{ type: "header", text: plain(fitText(text, LIMITS.header)) }] : [];
}

/** Plain text over as many sections as it needs, split at paragraph and sentence boundaries. */
export function plainSections(text: string): Block[] {
  return splitText(text, LIMITS.sectionText).map((piece) => ({ type: "section", text: plain(piece) }));
}

/**
 * Already-escaped mrkdwn lines over as many sections as they need. A line is never split (that could cut
 * a `<url|title>` in half); callers keep lines short.
 */
export function mrkdwnSections(lines: string[]): Block[] {
  const sections: string[] = [];
  let current = "";
  for (const line of lines.filter((l) => l && l.length <= LIMITS.sectionText)) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= LIMITS.sectionText) current = joined;
    else {
      sections.push(current);
      current = line;
    }
  }
  if (current) sections.push(current);
  return sections.map((text) => ({ type: "section", text: mrkdwn(text) }));
}

export function context(...elements: Array<PlainText | Mrkdwn | undefined>): Block[] {
  const present = elements.filter((e): e is PlainText | Mrkdwn => e !== undefined && e.text !== "");
  return present.length > 0 ? [{ type: "context", elements: present.slice(0, LIMITS.contextElements) }] : [];
}

/**
 * Label/value pairs as a two-column grid: labels in bold, values as plain text. Labels come already
 * escaped (they are mrkdwn) and short; both are cut to the field limit regardless.
 */
export function fieldSections(pairs: Array<{ label: string; value: string }>): Block[] {
  const fields = pairs
    .filter((p) => p.label && p.value && p.label.length <= LIMITS.fieldText - 2)
    .flatMap((p) => [mrkdwn(`*${p.label}*`), plain(fitText(p.value, LIMITS.fieldText))]);
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    out.push({ type: "section", fields: fields.slice(i, i + LIMITS.sectionFields) });
  }
  return out;
}

/** URL buttons (share links); links whose URL we would not accept are left out. */
export function linkButtons(
  links: Array<{ label: string; url: string }>,
  budget: TextBudget,
  own: readonly ReplyButton[] = [],
): Block[] {
  const buttons: types.Button[] = [];
  // A card's own buttons first ("What you can do", "Read more"), then the share links.
  for (const button of own) {
    if (button.kind === "link") {
      links = [{ label: button.label, url: button.url }, ...links];
      continue;
    }
    const value = encodeChoiceValue({ command: button.command, args: button.args });
    const label = fitText(button.label, LIMITS.buttonText);
    if (!value || !label || !budget.spend(label.length)) continue;
    const id = privateCommandActionId(buttons.length);
    buttons.push({ type: "button", text: plain(label), action_id: id, value, style: "primary" });
  }
  for (const link of links) {
    const url = safeUrl(link.url);
    const label = fitText(link.label, LIMITS.buttonText);
    if (!url || url.length > MAX_URL || !label || !budget.spend(label.length)) continue;
    buttons.push({ type: "button", text: plain(label), url, action_id: linkActionId(buttons.length) });
  }
  const out: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    out.push({ type: "actions", elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return out;
}

/** Every text object's text, summed: what the budget above is about. */
export function measureText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + measureText(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  const record = value as Record<string, unknown>;
  if ((record.type === "plain_text" || record.type === "mrkdwn") && typeof record.text === "string") {
    return record.text.length;
  }
  return Object.values(record).reduce<number>((sum, item) => sum + measureText(item), 0);
}
