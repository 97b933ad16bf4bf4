/** The command line's usage error: exit 2, with a pointer to the help of the command it is about. */
export class UsageError extends Error {
  /** "Usage: …" and where the full help is, printed under the message (set by parse.ts). */
  usage: string | undefined;

  constructor(message: string, options: { usage?: string } = {}) {
    super(message);
    this.name = "UsageError";
    this.usage = options.usage;
  }
}

/** `"a" "b"`: each word quoted, so an operator sees exactly what was taken for an argument. */
export function quoteWords(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(" ");
}
