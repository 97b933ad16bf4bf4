/**
 * A strict parser of the HTML subset Telegram accepts in `parse_mode: "HTML"`: the tags b strong i em u ins
 * s strike del span(class="tg-spoiler") tg-spoiler a(href) code pre blockquote tg-emoji, and the entities
 * &lt; &gt; &amp; &quot; and numeric ones. Anything else (unknown tags, unclosed or crossed tags, bare < > &,
 * unknown entities) is refused like Telegram's "can't parse entities". Returns the text Telegram would
 * count, with entity offsets in UTF-16 units.
 */
import { badRequest } from "./errors.ts";

export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

const TAGS: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  span: "spoiler",
  "tg-spoiler": "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};
const START_TAG =
  /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'=]+))?)*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'=]+)))?/g;
const END_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/;
const ENTITY = /^&(lt|gt|amp|quot|#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8});/;

const fail = (what: string): never => {
  throw badRequest(`can't parse entities: ${what}`);
};

function decodeEntity(name: string, at: () => string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
  if (named[name]) return named[name];
  const code =
    name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    fail(`invalid character code ${at()}`);
  return String.fromCodePoint(code);
}

function decodeAttribute(raw: string, at: () => string): string {
  return raw.replace(/&[^;\s]*;?/g, (m) => {
    const match = ENTITY.exec(m);
    return match ? decodeEntity(match[1]!, at) : fail(`unsupported HTML entity in attribute ${at()}`);
  });
}

interface Open {
  tag: string;
  start: number;
  entity: Entity;
}

export function parseHtml(input: string): { text: string; entities: Entity[] } {
  let text = "";
  const stack: Open[] = [];
  const entities: Entity[] = [];
  let i = 0;
  while (i < input.length) {
    // Computed only when reporting an error: measuring bytes on every character would be quadratic.
    const pos = i;
    const at = () => `at byte offset ${Buffer.byteLength(input.slice(0, pos))}`;
    const ch = input[i]!;
    const rest = ch === "<" || ch === "&" ? input.slice(i, i + 4096) : "";
    if (ch === "<" && rest[1] === "/") {
      const m = END_TAG.exec(rest) ?? fail(`unclosed end tag ${at()}`);
      const name = m[1]!.toLowerCase();
      const open = stack.pop() ?? fail(`unexpected end tag "${name}" ${at()}`);
      if (open.tag !== name) fail(`unmatched end tag ${at()}, expected "</${open.tag}>", found "</${name}>"`);
      // Telegram drops entities that cover no text.
      if (text.length > open.start)
        entities.push({ ...open.entity, offset: open.start, length: text.length - open.start });
      i += m[0].length;
    } else if (ch === "<") {
      const m = START_TAG.exec(rest) ?? fail(`unclosed start tag ${at()}`);
      const name = m[1]!.toLowerCase();
      const type = TAGS[name] ?? fail(`unsupported start tag "${name}" ${at()}`);
      const attrs = new Map<string, string>();
      for (const a of m[2]!.matchAll(ATTRIBUTE))
        attrs.set(a[1]!.toLowerCase(), decodeAttribute(a[2] ?? a[3] ?? a[4] ?? "", at));
      stack.push({ tag: name, start: text.length, entity: checkTag(name, type, attrs, stack, at) });
      i += m[0].length;
    } else if (ch === "&") {
      const m = ENTITY.exec(rest) ?? fail(`unsupported HTML entity or bare "&" ${at()}`);
      text += decodeEntity(m[1]!, at);
      i += m[0].length;
    } else if (ch === ">") {
      fail(`unescaped ">" ${at()}`);
    } else {
      text += ch;
      i += 1;
    }
  }
  const unclosed = stack.pop();
  if (unclosed) fail(`can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities };
}

function checkTag(
  name: string,
  type: string,
  attrs: Map<string, string>,
  stack: Open[],
  at: () => string,
): Entity {
  const parent = stack[stack.length - 1];
  if (parent && (parent.tag === "code" || (parent.tag === "pre" && name !== "code"))) {
    fail(`entity "${parent.tag}" can't contain other entities ${at()}`);
  }
  if (name === "blockquote" && stack.some((o) => o.tag === "blockquote")) fail(`nested blockquote ${at()}`);
  if (name === "span" && attrs.get("class") !== "tg-spoiler")
    fail(`tag "span" must have class "tg-spoiler" ${at()}`);
  if (name === "code" && attrs.has("class") && parent?.tag !== "pre") fail(`code class outside pre ${at()}`);
  if (name === "tg-emoji" && !/^\d+$/.test(attrs.get("emoji-id") ?? ""))
    fail(`tg-emoji needs emoji-id ${at()}`);
  if (name === "a") {
    const href = attrs.get("href") ?? fail(`tag "a" needs href ${at()}`);
    return { type, offset: 0, length: 0, url: href };
  }
  return { type, offset: 0, length: 0 };
}
