/**
 * Replies as terminal text. On a terminal the chat passes its width and a colour style: lines are wrapped
 * between words and parts are coloured. Piped into files and other programs, the same lines come out plain
 * and unwrapped.
 *
 * A card is laid out to fit one screen: the name (with the country and other names) on its first line, its
 * "Status as of" date exactly once, each source as a numbered link, and blank lines between its parts only
 * while they fit the terminal's height. The console's own words ("Sources:", "Note:", "Error:") are in the
 * reply's language (English when absent).
 */
import { english, type Translator, translatorFor } from "../../src/core/i18n/translator.ts";
import type { OutboundPost } from "../../src/core/platform.ts";
import type { Card, Choice, Reply, ReplyButton, ShareKit } from "../../src/core/reply.ts";
import { type ConsoleStyle, plainStyle } from "./style.ts";
import { printable, rowsAt, wrapLine } from "./render-text-layout.ts";

export interface RenderOptions {
  /** The terminal's width in columns; absent, lines are not wrapped. */
  width?: number;
  /**
   * The terminal's height in rows (with a width, 24 when it does not say): the blank lines between a
   * card's parts go first when the reply is taller.
   */
  height?: number;
  style?: ConsoleStyle;
}

/** A VT100's screen, still the default size of most terminal windows. */
const CLASSIC_SCREEN_ROWS = 24;

/** How a line is painted: its first `lead` characters one way, the rest another (see paint). */
type Look = "title" | "label" | "note" | "quote" | "faint" | "error" | "command" | "choice";

/**
 * One logical line before wrapping. `indent`: where wrapped rows start. `gap`: a blank line that only
 * separates parts, dropped (lowest first) when the reply would not fit the terminal's height.
 */
export interface Line {
  text: string;
  look?: Look;
  lead?: number;
  indent?: number;
  gap?: number;
}

const line = (text: string, look?: Look, lead?: number, indent?: number): Line => ({
  text,
  ...(look ? { look } : {}),
  ...(lead !== undefined ? { lead } : {}),
  ...(indent !== undefined ? { indent } : {}),
});
const blank = line("");
const gap = (priority: number): Line => ({ text: "", gap: priority });

/**
 * "Status as of …" once, under the name: inside the notice where the notice says it, in one paragraph with
 * a notice that does not (a row saved for the screen), else on a line of its own.
 */
function asOfAndNotice(card: Card, tr: Translator): Line[] {
  if (!card.notice) return [line(card.statusAsOf, "label", card.statusAsOf.length)];
  if (card.notice.includes(card.statusAsOf)) {
    return [line(tr.t("render.note", { notice: card.notice }), "note", 0, 2)];
  }
  const text = tr.t("render.asOfNote", { asOf: card.statusAsOf, notice: card.notice });
  // The date is painted as the lead where the language says it first.
  const lead = text.startsWith(card.statusAsOf) ? card.statusAsOf.length : 0;
  return [line(text, "note", lead, 2)];
}

/**
 * Sources as numbered links under one label. The link is what a reader follows and it names the site;
 * titles and publishers would take a screen of their own (other platforms show them as link text).
 */
function sourceLines(card: Card, tr: Translator): Line[] {
  const label = `${tr.t("render.sourcesLabel")} `;
  return card.sources.map((s, i) => {
    const head = i === 0 ? label : " ".repeat(label.length);
    return line(`${head}${i + 1}. ${s.url}`, "label", i === 0 ? label.length - 1 : 0, label.length + 3);
  });
}

/** `trailer`: said after the campaign on the card's last line (where to get the share kit). */
function cardLines(card: Card, tr: Translator, trailer?: string): Line[] {
  // Measured without the control characters that rendering removes, so the name alone is in bold.
  const title = printable(card.title);
  const head = [title, card.subtitle].filter((part) => part.trim() !== "").join(" · ");
  const lines = [line(head, "title", title.length, 2), ...asOfAndNotice(card, tr)];
  lines.push(gap(3), line(card.summary), gap(2));
  for (const field of card.fields) {
    lines.push(line(`${field.label}: ${field.value}`, "label", field.label.length + 1, 2));
  }
  if (card.photo) {
    const { url, alt, credit } = card.photo;
    const details = tr.t("render.photoDetails", { url, alt, credit });
    lines.push(line(details, "label", tr.t("render.photoLabel").length, 2));
  }
  if (card.familyStory) lines.push(gap(1), line(card.familyStory));
  if (card.quote) {
    const { text, attribution, isTranslation } = card.quote;
    const by = tr.t(isTranslation ? "render.quotedByTranslated" : "render.quotedBy", { attribution });
    lines.push(gap(1), line(`"${text}" ${by}`, "quote", 0, 2));
  }
  lines.push(gap(1), ...sourceLines(card, tr));
  // The campaign's page is in /help and in every share kit; on the card it would take two rows.
  const campaign = card.campaign.name.includes(card.hashtag)
    ? card.campaign.name
    : `${card.hashtag} · ${card.campaign.name}`;
  lines.push(line(trailer ? `${campaign} · ${trailer}` : campaign, "faint", 0, 2));
  return lines;
}

function shareLines(kit: ShareKit, tr: Translator): Line[] {
  const label = tr.t("render.shareLabel");
  return [
    line(label, "label", label.length),
    line(kit.text),
    blank,
    ...kit.links.map((link) => line(`${link.label}: ${link.url}`, "label", link.label.length + 1, 2)),
  ];
}

/** `/prisoner khalil-matouk`: what to type to pick this choice. */
function commandLine(choice: Choice): string {
  const name = choice.command.startsWith("/") ? choice.command : `/${choice.command}`;
  return choice.args.trim() === "" ? name : `${name} ${choice.args}`;
}

function choiceLines(prompt: string, choices: readonly Choice[]): Line[] {
  const lines = [line(prompt)];
  choices.forEach((choice, i) => {
    const head = `  ${i + 1}. ${choice.label}`;
    const detail = choice.detail ? ` — ${choice.detail}` : "";
    const command = `     ${commandLine(choice)}`;
    lines.push(line(`${head}${detail}`, "choice", head.length, 5), line(command, "command", command.length));
  });
  return lines;
}

/**
 * A card's buttons as numbered choices: what to type for a command ("What you can do": /act <id>, answered
 * to whoever types it), the address for a link ("Read more").
 */
function buttonLines(buttons: readonly ReplyButton[]): Line[] {
  if (buttons.length === 0) return [];
  return [
    gap(1),
    ...buttons.flatMap((button, i) => {
      const head = `  ${i + 1}. ${button.label}`;
      const what = `     ${button.kind === "link" ? button.url : commandLine({ ...button, label: "", detail: "" })}`;
      return [line(head, "choice", head.length, 5), line(what, "command", what.length)];
    }),
  ];
}

function replyLines(reply: Reply, tr: Translator = english): Line[] {
  switch (reply.kind) {
    case "text": {
      if (reply.tone !== "error") return [line(reply.text)];
      const label = tr.t("render.errorLabel");
      return [line(`${label} ${reply.text}`, "error", label.length)];
    }
    case "card": {
      const intro = reply.intro ? [line(reply.intro, "label", reply.intro.length), gap(4)] : [];
      // The full kit is one command away; under every card it would drown the card itself.
      const command = `/share ${reply.card.profileId}`;
      const share = reply.share ? tr.t("render.shareCommand", { command }) : undefined;
      return [...intro, ...cardLines(reply.card, tr, share), ...buttonLines(reply.buttons ?? [])];
    }
    case "choices":
      return choiceLines(reply.prompt, reply.choices);
    case "share":
      // The card comes too: every reply shows its sources and the date its status is known as of.
      return [...cardLines(reply.card, tr), blank, ...shareLines(reply.kit, tr)];
  }
}

function paint(
  look: Look | undefined,
  style: ConsoleStyle,
): [lead: (t: string) => string, rest: (t: string) => string] {
  const same = (t: string) => t;
  switch (look) {
    case "title":
      return [style.strong, style.faint];
    case "label":
      return [style.strong, same];
    case "choice":
      return [style.strong, style.faint];
    case "error":
      return [(t) => style.error(style.strong(t)), same];
    case "note":
      return [style.warning, style.warning];
    case "quote":
      return [style.quote, style.quote];
    case "faint":
      return [style.faint, style.faint];
    case "command":
      return [style.command, same];
    default:
      return [same, same];
  }
}

/** A line's rows: control characters removed, wrapped to the width (if any), not yet coloured. */
function rowsOf({ text, indent = 0 }: Line, width: number | undefined): string[] {
  return printable(text)
    .split("\n")
    .flatMap((part) => (width === undefined ? [part] : wrapLine(part, width, indent)));
}

/** Drops separating blank lines, lowest priority and lowest on the screen first, until the rows fit. */
function fitHeight(lines: readonly Line[], width: number, height: number): Line[] {
  const screenRows = lines.reduce((n, l) => n + rowsAt(rowsOf(l, width).join("\n"), width), 0);
  const dropped = new Set(
    lines
      .flatMap((l, i) => (l.gap === undefined ? [] : [{ priority: l.gap, i }]))
      .sort((a, b) => a.priority - b.priority || b.i - a.i)
      .slice(0, Math.max(0, screenRows - height))
      .map((g) => g.i),
  );
  return lines.filter((_, i) => !dropped.has(i));
}

/** Lines as text: control characters removed, wrapped to the width, fitted to the height, then coloured. */
export function layOut(lines: readonly Line[], options: RenderOptions = {}): string {
  const { width, height = CLASSIC_SCREEN_ROWS } = options;
  const style = options.style ?? plainStyle;
  const fitted = width !== undefined ? fitHeight(lines, width, height) : lines;
  return fitted
    .flatMap((l) => {
      const [leadPaint, restPaint] = paint(l.look, style);
      const lead = l.lead ?? 0;
      return rowsOf(l, width).map((row, r) =>
        r === 0 ? leadPaint(row.slice(0, lead)) + restPaint(row.slice(lead)) : restPaint(row),
      );
    })
    .join("\n");
}

export function renderReply(reply: Reply, options: RenderOptions = {}): string {
  return layOut(replyLines(reply, translatorFor(reply.language)), options);
}

/** A scheduled post prints as the card reply it would be, intro and share line included. */
export function renderPost(post: OutboundPost, options: RenderOptions = {}): string {
  return renderReply(
    {
      kind: "card",
      intro: post.intro,
      card: post.card,
      share: post.share,
      ...(post.buttons ? { buttons: post.buttons } : {}),
      visibility: "public",
      ...(post.language === undefined ? {} : { language: post.language }),
    },
    options,
  );
}
