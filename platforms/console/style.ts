/**
 * Colours in the console chat. Whoever opens the chat picks the style: colours only on a terminal and never
 * when NO_COLOR is set (https://no-color.org); piped output is plain text.
 */

type Paint = (text: string) => string;

/** What each part of a reply looks like; the plain style leaves text as it is. */
export interface ConsoleStyle {
  /** A person's name, a table's header, a field's label. */
  strong: Paint;
  /** What matters less: other names, the hashtag, a choice's detail. */
  faint: Paint;
  /** A note to read before the rest (a past campaign, an unverified profile). */
  warning: Paint;
  error: Paint;
  /** Something to type: a command. */
  command: Paint;
  quote: Paint;
}

const sgr =
  (on: number, off: number): Paint =>
  (text) =>
    text === "" ? text : `\u001b[${on}m${text}\u001b[${off}m`;

const same: Paint = (text) => text;

export const plainStyle: ConsoleStyle = {
  strong: same,
  faint: same,
  warning: same,
  error: same,
  command: same,
  quote: same,
};

export const colourStyle: ConsoleStyle = {
  strong: sgr(1, 22),
  faint: sgr(2, 22),
  warning: sgr(33, 39),
  error: sgr(31, 39),
  command: sgr(36, 39),
  quote: sgr(3, 23),
};
