/**
 * Choice buttons ↔ callback_data. Telegram caps callback_data at 64 bytes, so a choice travels inline when
 * it fits (`r|command|args`) and otherwise as a token into a bounded in-memory table (`t|n`). Tokens don't
 * survive a restart; a stale press gets a "run the command again" answer instead of a wrong action.
 */
export const CALLBACK_DATA_LIMIT = 64;

export interface ChosenCommand {
  command: string;
  args: string;
  /** Pressed on a card's or post's button that answers the presser in private (`p|command|args`). */
  privately?: true;
}

/**
 * callback_data for a button that runs a command for whoever presses it and answers them in private
 * ("What you can do"). Always inline, never a token: it rides on posts that outlive the process. Undefined
 * when it does not fit in 64 bytes; the button is then left out.
 */
export function privateCommandData(command: string, args: string): string | undefined {
  const data = `p|${command}|${args}`;
  return Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_LIMIT ? data : undefined;
}

export interface ChoiceCodec {
  encode(choice: ChosenCommand): string;
  decode(data: string): ChosenCommand | undefined;
}

export function createChoiceCodec(maxTokens = 2_000): ChoiceCodec {
  const tokens = new Map<string, ChosenCommand>();
  // A per-process prefix, so a button from before a restart never lands on a newer token of the same number.
  const instance = Math.random().toString(36).slice(2, 8);
  let next = 0;
  return {
    encode(choice) {
      const inline = `r|${choice.command}|${choice.args}`;
      if (Buffer.byteLength(inline, "utf8") <= CALLBACK_DATA_LIMIT) return inline;
      const token = `${instance}.${(next++).toString(36)}`;
      tokens.set(token, { command: choice.command, args: choice.args });
      while (tokens.size > maxTokens) {
        const oldest = tokens.keys().next().value;
        if (oldest === undefined) break;
        tokens.delete(oldest);
      }
      return `t|${token}`;
    },
    decode(data) {
      if (data.startsWith("t|")) return tokens.get(data.slice(2));
      const privately = data.startsWith("p|");
      if (!data.startsWith("r|") && !privately) return undefined;
      const bar = data.indexOf("|", 2);
      if (bar < 0) return undefined;
      const chosen = { command: data.slice(2, bar), args: data.slice(bar + 1) };
      return privately ? { ...chosen, privately: true } : chosen;
    },
  };
}
