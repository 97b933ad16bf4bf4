/**
 * The share kit: text ready to paste and one-click links for each network. Every parameter is encoded by
 * hand rather than with URLSearchParams, which writes spaces as "+" (read literally by mail clients under
 * RFC 6068) and leaves nothing to stop a "&" or "#" in a name from cutting the link short.
 */
import { telegramProfileLink } from "../core/deep-link.ts";
import { english, type Translator } from "../core/i18n/translator.ts";
import { type Campaign, currentDetention, type Profile } from "../core/profile.ts";
import type { ShareKit, ShareLink, ShareNetwork } from "../core/reply.ts";
import { localizedCampaign } from "./campaign-texts.ts";

/**
 * encodeURIComponent plus the sub-delimiters it leaves alone (! ' ( ) *), so every reserved character of
 * RFC 3986 is percent-encoded: safe in any query, and what RFC 6068 asks of mailto header values.
 */
export function encodeParam(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** encodeURIComponent throws on a lone surrogate; a damaged character must not break the whole kit. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function hasHashtag(text: string, hashtag: string): boolean {
  const escaped = hashtag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // "#FreeToBeHomeNow" is another tag: the campaign's must stand alone.
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "iu").test(text);
}

/**
 * The campaign's words (in the reader's language where the campaign has them) with the name filled in and
 * the hashtag, without the link. A past campaign's words may describe a status that has changed ("still
 * behind bars"), so the text travelling on its own says which campaign it comes from and the date the
 * status is known as of.
 */
export function shareMessage(
  profile: Pick<Profile, "displayName" | "detentions">,
  campaign: Campaign,
  tr: Translator = english,
): string {
  // The campaign's share text in the reader's language where it has one; split/join, not replace: a "$&"
  // in a name must stay literal.
  const shareText = localizedCampaign(campaign, tr.language.tag).shareText;
  const text = shareText.split("{name}").join(profile.displayName).trim();
  const tagged = hasHashtag(text, campaign.hashtag) ? text : `${text} ${campaign.hashtag}`;
  if (!campaign.historical) return tagged;
  const asOf = tr.date(currentDetention(profile).statusAsOf);
  return tr.t("share.pastCampaign", { text: tagged, date: tr.date(campaign.historical.asOf), asOf });
}

/** RFC 6068: line breaks in a mailto body are sent as CRLF. */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}

/** A subject is one header line: a line break in it could start a forged header in a naive client. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** In the order the kit offers them; each link's label is `share.network` in the reader's language. */
const NETWORKS: readonly ShareNetwork[] = [
  "x",
  "facebook",
  "bluesky",
  "linkedin",
  "telegram",
  "whatsapp",
  "email",
];

function query(base: string, params: ReadonlyArray<readonly [string, string]>): string {
  return `${base}?${params.map(([k, v]) => `${k}=${encodeParam(v)}`).join("&")}`;
}

/** `telegramBot`: the bot's username where known; the kit then links to the profile in the bot. */
export function buildShareKit(
  profile: Profile,
  campaign: Campaign,
  tr: Translator = english,
  telegramBot?: string,
): ShareKit {
  const message = shareMessage(profile, campaign, tr);
  const url = campaign.url;
  const botLink = telegramProfileLink(telegramBot, profile.id);
  const text = `${message} ${url}`;
  const subject = oneLine(`${profile.displayName} ${campaign.hashtag}`);

  // Networks that take the link as its own parameter get the message without it, so it is not shown twice.
  const urls: Record<ShareNetwork, string> = {
    x: query("https://x.com/intent/tweet", [
      ["text", message],
      ["url", url],
    ]),
    facebook: query("https://www.facebook.com/sharer/sharer.php", [["u", url]]),
    bluesky: query("https://bsky.app/intent/compose", [["text", text]]),
    linkedin: query("https://www.linkedin.com/sharing/share-offsite/", [["url", url]]),
    // Shared on Telegram, the link opens the profile's card with the bot, sources and campaign page included.
    telegram: query("https://t.me/share/url", [
      ["url", botLink ?? url],
      ["text", message],
    ]),
    whatsapp: query("https://wa.me/", [["text", text]]),
    email: query("mailto:", [
      ["subject", subject],
      ["body", crlf(text)],
    ]),
  };
  const links: ShareLink[] = NETWORKS.map((network) => ({
    network,
    label: tr.t("share.network", { network }),
    url: urls[network],
  }));
  return {
    profileId: profile.id,
    text,
    url,
    hashtag: campaign.hashtag,
    links,
    ...(botLink ? { botLink } : {}),
  };
}
