/**
 * A Discord message as Discord draws it, from the payload the Discord adapter sends (its content, embeds
 * and button rows): the embed's coloured bar, title, description, fields side by side where the embed
 * says inline, footer, and the link buttons. Discord's markdown (bold, italic, underline, strike, code,
 * masked links, backslash escapes) is read into escaped HTML; nothing else is markup.
 */
import { type Html, html } from "../html.ts";
import { inlineMarkup, previewLink } from "./inline.ts";

/** The parts of Discord's message payload a preview draws (Discord's API shapes). */
export interface DiscordMessageLike {
  content?: string;
  embeds: ReadonlyArray<{
    color?: number;
    title?: string;
    url?: string;
    description?: string;
    fields?: ReadonlyArray<{ name: string; value: string; inline?: boolean }>;
    footer?: { text: string };
  }>;
  /** Rows of components: link buttons carry `label` and `url` (other kinds are drawn by their label). */
  components: ReadonlyArray<{ components: readonly object[] }>;
}

const textField = (o: object, key: string): string | undefined => {
  const value = (o as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
};

const TOKEN =
  /\\([^A-Za-z0-9\s])|\*\*((?:\\.|[^*\n])+?)\*\*|__((?:\\.|[^_\n])+?)__|~~((?:\\.|[^~\n])+?)~~|\*((?:\\.|[^*\n])+?)\*|_((?:\\.|[^_\n])+?)_|`([^`\n]+)`|\[((?:\\.|[^\]\n])+)\]\((https?:\/\/[^\s)]+)\)/;

/** Discord's markdown as escaped HTML. */
export function discordMarkdown(text: string): Html {
  return inlineMarkup(text, TOKEN, (m, inner) => {
    if (m[1] !== undefined) return m[1];
    if (m[2] !== undefined) return html`<strong>${inner(m[2])}</strong>`;
    if (m[3] !== undefined) return html`<u>${inner(m[3])}</u>`;
    if (m[4] !== undefined) return html`<s>${inner(m[4])}</s>`;
    if (m[5] !== undefined) return html`<em>${inner(m[5])}</em>`;
    if (m[6] !== undefined) return html`<em>${inner(m[6])}</em>`;
    if (m[7] !== undefined) return html`<code>${m[7]}</code>`;
    return previewLink(m[9] ?? "", inner(m[8] ?? ""));
  });
}

/** A colour Discord takes as an integer, as a CSS colour we write ourselves (never the payload's text). */
const hex = (color: number | undefined) =>
  `#${(Number.isInteger(color) && color! >= 0 ? color! & 0xffffff : 0x1e1f22).toString(16).padStart(6, "0")}`;

export function discordPreview(message: DiscordMessageLike): Html {
  const embeds = message.embeds.map((e) => {
    const title = e.title ? discordMarkdown(e.title) : undefined;
    return html`<div class="dc-embed">
<svg class="dc-bar" aria-hidden="true" focusable="false" viewBox="0 0 4 10" preserveAspectRatio="none"><rect width="4" height="10" fill="${hex(e.color)}"/></svg>
${title ? html`<div class="dc-title">${e.url ? previewLink(e.url, title) : title}</div>` : ""}
${e.description ? html`<div class="dc-description">${discordMarkdown(e.description)}</div>` : ""}
${
  e.fields && e.fields.length > 0
    ? html`<div class="dc-fields">${e.fields.map(
        (f) =>
          html`<div class="dc-field${f.inline ? " inline" : ""}"><div class="dc-field-name">${discordMarkdown(f.name)}</div><div class="dc-field-value">${discordMarkdown(f.value)}</div></div>`,
      )}</div>`
    : ""
}
${e.footer ? html`<div class="dc-footer">${e.footer.text}</div>` : ""}
</div>`;
  });
  const rows = message.components.map(
    (row) =>
      html`<div class="dc-buttons">${row.components.map((b) => {
        const [label, url] = [textField(b, "label") ?? "", textField(b, "url")];
        return url
          ? previewLink(url, html`<span class="dc-button">${label} ↗</span>`)
          : html`<span class="dc-button">${label}</span>`;
      })}</div>`,
  );
  return html`<div class="pv discord">
${message.content ? html`<div class="dc-content">${discordMarkdown(message.content)}</div>` : ""}
${embeds}${rows}</div>`;
}
