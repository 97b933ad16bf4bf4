/**
 * A platform's rendering of a scheduled post, done once for all the channels that get the same post. The
 * post resolver (delivery/post-resolver.ts) hands every row of a day the same card, share kit and buttons
 * (the row's own key goes on a copy), so a fan-out of ten thousand posts is a handful of distinct posts;
 * rendering each row afresh was a fifth of what a pass allocated (Discord's card: ~40 KB a post, measured
 * with a sampling heap profile over 5,000 posts). Only what rendering reads is compared: the card (by
 * identity, and the key of a WeakMap, so nothing is held once the resolver lets the post go), intro,
 * language, share kit and buttons. The result is shared: callers copy what they change, never write to it.
 */
import type { OutboundPost } from "./platform.ts";

type Rendered = Pick<OutboundPost, "intro" | "language" | "share" | "buttons">;

export function renderedOnce<R>(render: (post: OutboundPost) => R): (post: OutboundPost) => R {
  const byCard = new WeakMap<OutboundPost["card"], { of: Rendered; result: R }>();
  return (post) => {
    const known = byCard.get(post.card);
    const { of } = known ?? {};
    if (
      known &&
      of?.intro === post.intro &&
      of.language === post.language &&
      of.share === post.share &&
      of.buttons === post.buttons
    )
      return known.result;
    const result = render(post);
    const { intro, language, share, buttons } = post;
    byCard.set(post.card, { of: { intro, language, share, buttons }, result });
    return result;
  };
}
