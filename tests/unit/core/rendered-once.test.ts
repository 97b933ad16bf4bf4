import { describe, expect, it } from "vitest";
import type { OutboundPost } from "../../../src/core/platform.ts";
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

describe("renderedOnce", () => {
  it("renders the post the resolver shares once, whatever each channel's own key and options", () => {
    let renders = 0;
    const render = renderedOnce((post: OutboundPost) => ({ n: ++renders, intro: post.intro }));
    const first = render(day);
    const again = render({
      ...day,
      idempotencyKey: "ftbh-d-2",
      options: { silent: true } as OutboundPost["options"],
    });
    expect(again).toBe(first);
    expect(renders).toBe(1);
  });

  it("renders again when anything rendering reads differs: intro, language, share kit, buttons or card", () => {
    let renders = 0;
    const render = renderedOnce((post: OutboundPost) => ({ n: ++renders, intro: post.intro }));
    render(day);
    expect(render({ ...day, intro: "An anniversary" }).intro).toBe("An anniversary");
    render({ ...day, language: "de" });
    render({ ...day, share: { ...day.share } });
    render({ ...day, buttons: [] });
    render({ ...day, card: { ...day.card } });
    expect(renders).toBe(6);
  });
});
