/**
 * /prisoner finds a person by a name in any script, whatever language the channel or the member reads
 * (issue 15, item 7): names are folded, never translated, and the reply's language plays no part in search.
 *
 * The shipped sample holds one native-script name (İlqar Məmmədov): the campaign brief gives no Persian,
 * Arabic, Chinese, Uyghur or Cyrillic forms, so none is shipped. The other scripts are tested by adding,
 * here only, the native names the search tests already use (tests/unit/search/campaign-2016-names.ts) to
 * the sample's own records.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { LanguageTag } from "../../../src/core/i18n/languages.ts";
import type { Profile } from "../../../src/core/profile.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { createTestBot, type TestBot } from "./test-bot.ts";

const NATIVE_NAMES: Record<string, Profile["names"]> = {
  "narges-mohammadi": [{ value: "نرگس محمدی", lang: "fa", script: "Arab", kind: "native", searchable: true }],
  "khalil-matouk": [{ value: "خليل معتوق", lang: "ar", script: "Arab", kind: "native", searchable: true }],
  "ilham-tohti": [
    { value: "ئىلھام توختى", lang: "ug", script: "Arab", kind: "native", searchable: true },
    { value: "伊力哈木·土赫提", lang: "zh", script: "Hans", kind: "transliteration", searchable: true },
  ],
  "oleg-sentsov": [
    { value: "Олег Сенцов", lang: "ru", script: "Cyrl", kind: "transliteration", searchable: true },
  ],
};

const CHANNEL_LANGUAGES: LanguageTag[] = ["en", "fa", "ar", "zh-Hans", "ru", "es"];

let bot: TestBot;
beforeAll(async () => {
  bot = await createTestBot();
  const stored = await bot.repositories.catalog.listProfiles();
  const extended = stored
    .filter((s) => s.profile.id in NATIVE_NAMES)
    .map((s) => ({ ...s.profile, names: [...s.profile.names, ...NATIVE_NAMES[s.profile.id]!] }));
  expect(extended).toHaveLength(4);
  await bot.repositories.catalog.importBundle({ campaigns: [], profiles: extended }, "test");
  for (const language of CHANNEL_LANGUAGES) {
    if (language === "en") continue;
    await bot.repositories.channelLanguages.set({
      channel: channelRef(`console:room-${language}`),
      community: communityRef("console:community"),
      language,
      actor: "test",
    });
  }
});

/** `/prisoner query` in a channel set to `language`, optionally from a member whose platform gives a locale. */
function lookup(query: string, language: LanguageTag, locale?: string): Promise<Reply> {
  return bot.dispatch({
    command: "prisoner",
    text: query,
    platform: "console",
    channel: channelRef(language === "en" ? "console:room-a" : `console:room-${language}`),
    community: communityRef("console:community"),
    ...(locale ? { locale } : {}),
    caller: { id: "user-1", isModerator: async () => false },
  });
}

function foundId(reply: Reply): string | undefined {
  return reply.kind === "card" ? reply.card.profileId : undefined;
}

describe("/prisoner by a native-script name", () => {
  const cases: [string, string][] = [
    ["نرگس محمدی", "narges-mohammadi"],
    // Typed on an Arabic keyboard: ي for Persian ی.
    ["نرگس محمدي", "narges-mohammadi"],
    ["محمدی", "narges-mohammadi"],
    ["خليل معتوق", "khalil-matouk"],
    ["معتوق", "khalil-matouk"],
    ["伊力哈木·土赫提", "ilham-tohti"],
    ["伊力哈木", "ilham-tohti"],
    ["ئىلھام توختى", "ilham-tohti"],
    ["Олег Сенцов", "oleg-sentsov"],
    ["сенцов", "oleg-sentsov"],
  ];

  it("finds each in a channel of every language, and answers in the channel's language", async () => {
    for (const language of CHANNEL_LANGUAGES) {
      for (const [query, id] of cases) {
        const reply = await lookup(query, language);
        expect(foundId(reply), `${query} in a ${language} channel`).toBe(id);
        expect(reply.language).toBe(language);
      }
    }
  });

  it("finds each for a member whose own language differs from the channel's", async () => {
    for (const [query, id] of cases) {
      const reply = await lookup(query, "zh-Hans", "es-ES");
      expect(foundId(reply), query).toBe(id);
      expect(reply.language).toBe("es");
    }
  });

  it("finds the sample's own native name and its Latin spellings from a Persian or Arabic channel", async () => {
    for (const language of ["fa", "ar", "zh-Hans"] as const) {
      for (const query of ["İlqar Məmmədov", "Məmmədov", "Ilgar Mammadov", "mamedov"]) {
        expect(foundId(await lookup(query, language)), `${query} in ${language}`).toBe("ilgar-mammadov");
      }
    }
  });

  it("does not find a name in a script the record does not hold", async () => {
    // The sample holds no Cyrillic form of Mammadov: a lookup must not guess one.
    const reply = await lookup("Ильгар Мамедов", "ru");
    expect(foundId(reply)).toBeUndefined();
  });
});
