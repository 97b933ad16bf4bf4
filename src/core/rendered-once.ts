/**
 * A platform's rendering of a scheduled post, done once for all the channels that get the same post. The
 * post resolver (delivery/post-resolver.ts) hands every row of a day the same card, share kit and buttons
 * (the row's own key goes on a copy), so a fan-out of ten thousand posts is a handful of distinct posts;
 * rendering each row afresh was a fifth of what a pass allocated (Discord's card: ~40 KB a post, measured
 * with a sampling heap profile over 5,000 posts). Everything a renderer may read is compared, all but the
 * row's own key: the card (by identity, and the key of a WeakMap, so nothing is held once the resolver
 * lets the post go), kind, intro, language, share kit and buttons, and the channel's post options by value
 * (Telegram's rendering reads its link-preview choice), keeping a few variants a card. The result is
 * shared: callers copy what they change, never write to it.
 */
import type { OutboundPost } from "./platform.ts";

type Compared = Pick<OutboundPost, "kind" | "intro" | "language" | "share" | "buttons">;
interface Variant<R> {
  of: Compared;
  options: string;
  result: R;
}

/** Variants kept a card: channels' options are few (previews on or off, a role, a topic). */
const VARIANTS_PER_CARD = 8;

const same = (of: Compared, post: OutboundPost) =>
  of.kind === post.kind &&
  of.intro === post.intro &&
  of.language === post.language &&
  of.share === post.share &&
  of.buttons === post.buttons;

export function renderedOnce<R>(render: (post: OutboundPost) => R): (post: OutboundPost) => R {
  const byCard = new WeakMap<OutboundPost["card"], Variant<R>[]>();
  return (post) => {
    const options = post.options === undefined ? "" : JSON.stringify(post.options);
    const variants = byCard.get(post.card) ?? [];
    const known = variants.find((v) => v.options === options && same(v.of, post));
    if (known) return known.result;
    const result = render(post);
    const { kind, intro, language, share, buttons } = post;
    variants.unshift({ of: { kind, intro, language, share, buttons }, options, result });
    if (variants.length > VARIANTS_PER_CARD) variants.pop();
    byCard.set(post.card, variants);
    return result;
  };
}
