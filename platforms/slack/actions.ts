/**
 * The interactive elements we put in messages and read back: a choice button carries the command to re-run,
 * a share button is only a link. Both renderer and listener use these, so the two cannot drift apart.
 */

/** Buttons that re-run a command with a choice made (`ftbh.choice.<n>`: action ids must be unique per message). */
export const CHOICE_ACTION = /^ftbh\.choice\.\d+$/;
/** URL buttons: Slack still sends an interaction for them, which must be acknowledged and nothing more. */
export const LINK_ACTION = /^ftbh\.link\.\d+$/;

/**
 * Buttons under a card or a post that run a command for whoever presses them and answer only that person
 * ("What you can do"): never `replace_original`, which would swap the channel's card for one reader's answer.
 */
export const PRIVATE_COMMAND_ACTION = /^ftbh\.act\.\d+$/;

export const choiceActionId = (index: number): string => `ftbh.choice.${index}`;
export const privateCommandActionId = (index: number): string => `ftbh.act.${index}`;
export const linkActionId = (index: number): string => `ftbh.link.${index}`;

/** Slack's limit for a button's value. */
export const MAX_BUTTON_VALUE = 2000;

export interface ChoiceValue {
  command: string;
  args: string;
}

/** The value of a choice button, or undefined when it would not fit (the renderer then leaves the button out). */
export function encodeChoiceValue(choice: ChoiceValue): string | undefined {
  const value = JSON.stringify({ c: choice.command, a: choice.args });
  return value.length <= MAX_BUTTON_VALUE ? value : undefined;
}

/**
 * Reads a choice button's value back. Slack signs the payload, but the value still goes through a client,
 * so it is parsed defensively: anything unexpected is undefined.
 */
export function decodeChoiceValue(value: string | undefined): ChoiceValue | undefined {
  if (value === undefined || value.length > MAX_BUTTON_VALUE) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { c, a } = parsed as { c?: unknown; a?: unknown };
  if (typeof c !== "string" || typeof a !== "string" || !/^[a-z0-9_-]{1,32}$/.test(c)) return undefined;
  return { command: c, args: a };
}
