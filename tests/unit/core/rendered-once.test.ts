import { describe, expect, it } from "vitest";
import type { OutboundPost } from "../../../src/core/platform.ts";
import { DEFAULT_POST_OPTIONS } from "../../../src/core/post-options.ts";
import { renderedOnce } from "../../../src/core/rendered-once.ts";

const day = {
  kind: "daily",
  intro: "Today's featured family",
  card: { title: "A" },
  share: { text: "share" },
  buttons: [],
  language: "en",
  idempotencyKey: "ftbh-d-1",
} as unknown as OutboundPost;

const previews = { ...DEFAULT_POST_OPTIONS, linkPreviews: true };

describe("renderedOnce", () => {
  it("renders the post the resolver shares once, whatever each channel's own key", () => {
    let renders = 0;
    const render = renderedOnce((post: OutboundPost) => ({ n: ++renders, intro: post.intro }));
    const first = render({ ...day, options: { ...previews } });
    const again = render({ ...day, idempotencyKey: "ftbh-d-2", options: { ...previews } });
    expect(again).toBe(first);
    expect(renders).toBe(1);
  });

  it("renders again when anything rendering reads differs: kind, intro, language, share kit, buttons or card", () => {
    let renders = 0;
    const render = renderedOnce((post: OutboundPost) => ({ n: ++renders, intro: post.intro }));
    render(day);
    expect(render({ ...day, intro: "An anniversary" }).intro).toBe("An anniversary");
    render({ ...day, kind: "spotlight" });
    render({ ...day, language: "de" });
    render({ ...day, share: { ...day.share } });
    render({ ...day, buttons: [] });
    render({ ...day, card: { ...day.card } });
    expect(renders).toBe(7);
  });

  it("keeps each channel's options apart (Telegram renders its link-preview choice), channels interleaved", () => {
    let renders = 0;
    const render = renderedOnce((post: OutboundPost) => ({
      n: ++renders,
      previews: post.options?.linkPreviews ?? false,
    }));
    for (let i = 0; i < 3; i++) {
      expect(render({ ...day, options: { ...DEFAULT_POST_OPTIONS } }).previews).toBe(false);
      expect(render({ ...day, options: { ...previews } }).previews).toBe(true);
      expect(render(day).previews).toBe(false);
    }
    expect(renders).toBe(3);
  });
});
