/**
 * Server-rendered HTML with escaping by default: every value put into an `html` template is escaped
 * unless it is itself `Html` (made by this module). Profile text can hold `<script>`; it prints as text.
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlPart = Html | string | number | undefined | null | false | readonly HtmlPart[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(part: HtmlPart): string {
  if (part === undefined || part === null || part === false) return "";
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** A template whose values are escaped (arrays are joined, `Html` goes in as it is). */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** A link target from stored data: only http(s) URLs, so a `javascript:` URL never becomes a link. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}
