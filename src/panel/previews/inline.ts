/**
 * Reading a platform's inline markup into escaped HTML: one left-to-right scan with the platform's token
 * pattern, the text between tokens escaped, and each token drawn by the platform's rule (which escapes
 * what it puts in). What no rule matches is text, so markup-like text in a profile stays text.
 */
import { type Html, html, type HtmlPart } from "../html.ts";

/** Draws a matched token; its inner text goes back through the same scan (bold inside a link). */
export type TokenRule = (match: RegExpExecArray, inner: (text: string) => Html) => HtmlPart;

export function inlineMarkup(
  text: string,
  pattern: RegExp,
  rule: TokenRule,
  plain: (text: string) => string = (t) => t,
): Html {
  const scan = (source: string): Html => {
    const parts: HtmlPart[] = [];
    const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    let at = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      parts.push(plain(source.slice(at, m.index)), rule(m, scan));
      at = m.index + m[0].length;
    }
    parts.push(plain(source.slice(at)));
    return html`${parts}`;
  };
  return scan(text);
}

/** A link drawn in a preview: only http(s) targets become links; anything else shows its label only. */
export function previewLink(url: string, label: Html): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${label}</a>` : label;
}
