/**
 * A card over Discord's 6,000 characters gives up its earlier detentions and designations before its
 * summary, in every language: the renderer finds those fields by `CardField.id`, not by English labels.
 */
import { describe, expect, it } from "vitest";
import { cardEmbed } from "../../../platforms/discord/render-embed.ts";
import { LANGUAGE_TAGS } from "../../../src/core/i18n/languages.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { limitsCampaign, limitsProfile } from "./schema-limits.ts";

describe("a card at the schema's limits, cut to fit one embed", () => {
  it.each(LANGUAGE_TAGS)(
    "in %s drops the earlier detentions and designations, keeping the summary",
    (tag) => {
      const tr = translatorFor(tag);
      const card = buildCard(limitsProfile(), limitsCampaign(), undefined, tr);
      const label = (id: string) => card.fields.find((f) => f.id === id)?.label;
      const names = cardEmbed(card, tr).fields?.map((f) => f.name) ?? [];
      expect(names).not.toContain(label("earlierDetentions"));
      expect(names).not.toContain(label("designations"));
      expect(names).toContain(label("charges"));
      // The summary (the third part of the description, after the notice and subtitle) is still there.
      expect(cardEmbed(card, tr).description?.split("\n\n")).toHaveLength(3);
    },
  );
});
