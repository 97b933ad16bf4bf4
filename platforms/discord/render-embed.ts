/**
 * A profile card as a Discord embed, within Discord's embed limits. Profile text is escaped here, so no
 * name, story or quote can format, mention or break the layout. When a card is over the 6,000 total, the
 * least important parts are cut first; the notice, the "status as of" footer and the sources always stay.
 * The embed's own words ("Sources", "Photo:") are in the reply's language (`tr`), escaped like the rest.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { english, type Translator } from "../../src/core/i18n/translator.ts";
import type { Card, CardFieldId } from "../../src/core/reply.ts";
import { EMBED_LIMITS, embedField, embedLength, fitParts, sourceList } from "./render-embed-parts.ts";
import { clip, escapeText, safeUrl } from "./text.ts";

export { EMBED_LIMITS, embedField, embedLength, fitTotal, joinWithin } from "./render-embed-parts.ts";

const CARD_COLOUR = 0xf2b134;
/**
 * The notice's share of the description. With it, what always stays (title 256, notice, Sources 1,031,
 * footer 2,048) is at most 4,339 characters, so everything else can always be made to fit in 6,000.
 */
const NOTICE_MAX = 1000;

/** The notice in bold, said before anything else; "" when the card has none. */
export function noticeText(card: Card): string {
  const notice = card.notice?.trim();
  return notice ? `**${clip(escapeText(notice), NOTICE_MAX)}**` : "";
}

/** The card's sources as masked links, in one field; none when the card cites none. */
export function sourcesField(card: Card, tr: Translator = english): APIEmbedField[] {
  if (card.sources.length === 0) return [];
  return [embedField(tr.t("render.sources"), sourceList(card.sources, tr), false)];
}

/** The parts of a card embed, each cut on its own until the whole fits. */
interface Draft {
  title: string;
  /** Notice, subtitle, summary, family story: as they show in the description ("" when left out). */
  text: string[];
  fields: APIEmbedField[];
  /** Each field's id (`CardField.id`), by position: the cut order finds fields by it, in any language. */
  fieldIds: (CardFieldId | undefined)[];
  quote: APIEmbedField[];
  sources: APIEmbedField[];
  footer: string;
}

/** One part that may be shortened (never below `floor` characters; dropped instead). */
interface Cuttable {
  get(): string;
  set(text: string): void;
  floor: number;
}

export function cardEmbed(card: Card, tr: Translator = english): APIEmbed {
  const draft = cardDraft(card, tr);
  for (const part of cutOrder(draft)) {
    const over = embedLength(assemble(draft, card)) - EMBED_LIMITS.total;
    if (over <= 0) break;
    const keep = part.get().length - over;
    part.set(keep >= part.floor ? clip(part.get(), keep) : "");
  }
  return assemble(draft, card);
}

function cardDraft(card: Card, tr: Translator): Draft {
  const photo = card.photo ? safeUrl(card.photo.url, 2048) : undefined;
  // The status date leads the footer, so cutting a long campaign name or credit never reaches it.
  const credit = photo && tr.t("render.photoCredit", { credit: card.photo?.credit ?? "" });
  const footer = [card.statusAsOf, card.hashtag, card.campaign.name, credit].filter(Boolean).join(" · ");
  const quote = card.quote
    ? [
        embedField(
          tr.t(card.quote.isTranslation ? "render.familyWordsTranslated" : "render.familyWords"),
          `“${escapeText(card.quote.text)}” (${escapeText(card.quote.attribution)})`,
          false,
        ),
      ]
    : [];
  const sources = sourcesField(card, tr);
  const room = EMBED_LIMITS.fields - quote.length - sources.length;
  const kept = card.fields.slice(0, room);
  return {
    title: clip(escapeText(card.title).trim(), EMBED_LIMITS.title),
    text: fitParts(
      [
        noticeText(card),
        card.subtitle.trim() && `*${escapeText(card.subtitle.trim())}*`,
        escapeText(card.summary),
        card.familyStory
          ? `**${escapeText(tr.t("render.familyStory"))}**\n${escapeText(card.familyStory)}`
          : "",
      ],
      "\n\n",
      EMBED_LIMITS.description,
    ),
    fields: kept.map((f) => embedField(f.label, escapeText(f.value), f.value.length <= 40)),
    fieldIds: kept.map((f) => f.id),
    quote,
    sources,
    footer: clip(footer, EMBED_LIMITS.footer),
  };
}

/**
 * What gives way, in order: the quote, the family's story, earlier detentions, designations and the summary
 * first, then any other field from the last, then the subtitle and what is left of the summary.
 */
function cutOrder(draft: Draft): Cuttable[] {
  const text = (index: number, floor: number): Cuttable => ({
    get: () => draft.text[index] ?? "",
    set: (value) => {
      draft.text[index] = value;
    },
    floor,
  });
  const field = (f: APIEmbedField, floor: number): Cuttable => ({
    get: () => f.value,
    // "" marks the field dropped; a field whose value was blank already shows "—".
    set: (value) => {
      f.value = value;
    },
    floor,
  });
  const withId = (id: CardFieldId) =>
    draft.fields.filter((_, i) => draft.fieldIds[i] === id).map((f) => field(f, 100));
  return [
    ...draft.quote.map((f) => field(f, 200)),
    text(3, 200),
    ...withId("earlierDetentions"),
    ...withId("designations"),
    text(2, 300),
    ...[...draft.fields].reverse().map((f) => field(f, 60)),
    text(1, 60),
    text(2, 60),
  ];
}

function assemble(draft: Draft, card: Card): APIEmbed {
  const fields = [...draft.fields, ...draft.quote, ...draft.sources].filter((f) => f.value !== "");
  const description = draft.text.filter(Boolean).join("\n\n");
  const embed: APIEmbed = { color: CARD_COLOUR };
  if (draft.title) embed.title = draft.title;
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields.map((f) => ({ ...f }));
  if (draft.footer) embed.footer = { text: draft.footer };
  const url = safeUrl(card.campaign.url, 2048);
  if (url) embed.url = url;
  const photo = card.photo ? safeUrl(card.photo.url, 2048) : undefined;
  if (photo) embed.image = { url: photo };
  return embed;
}
