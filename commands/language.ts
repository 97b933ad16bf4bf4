/**
 * /language [tag]: the language of this channel's daily posts and of replies here (members whose platform
 * tells their own language get theirs). Alone it shows the language and the choices; with a tag it sets
 * it (moderators); `default` goes back to the bot's default language.
 */
import { z } from "zod";
import { actorOf } from "../src/core/actor.ts";
import { thisPlace } from "../src/core/place.ts";
import { defineCommand } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { channelLanguage } from "../src/core/i18n/choose.ts";
import { findUserLanguage, languageOf, USER_LANGUAGES } from "../src/core/i18n/languages.ts";
import { REVIEWS } from "../src/core/i18n/catalogs.ts";
import { type Translator, translatorFor } from "../src/core/i18n/translator.ts";
import { reply } from "../src/core/reply.ts";

const RESET_WORDS = new Set(["default", "reset"]);

/** The shipped languages as a reader chooses among them: code, own name, review state. */
export function languageChoices(tr: Translator): string {
  return tr.list(
    USER_LANGUAGES.map((l) =>
      tr.t(REVIEWS[l.tag]?.reviewed ? "language.choice" : "language.choiceUnreviewed", {
        tag: l.tag,
        name: l.native,
      }),
    ),
    "unit",
  );
}

export const language = defineCommand({
  name: "language",
  description: "Show or set the language here (setting it: moderators)",
  usage: "/language [language]",
  moderatorOnly: false,
  options: [{ name: "language", description: "A language code such as fa, es or zh-Hans", required: false }],
  parseText: (text) => (text.trim() === "" ? {} : { language: text.trim() }),
  args: z.object({
    language: z.string().trim().max(40, { error: "language.tooLong" }).optional(),
  }),
  async run({ args, services, invocation, tr }) {
    const place = thisPlace(invocation);
    const chosen = await services.channelLanguages.get(invocation.channel);
    if (!args.language) {
      const current = languageOf(
        channelLanguage({ channelLanguage: chosen, defaultLanguage: services.defaults.language }),
      );
      return reply.info(
        [
          tr.t(chosen ? "language.current" : "language.currentDefault", {
            place,
            name: current?.native ?? "English",
          }),
          tr.t("language.choices", { choices: languageChoices(tr) }),
        ].join("\n"),
        "private",
      );
    }
    if (!(await invocation.caller.isModerator())) {
      throw new UserError(
        { key: "dispatch.moderatorsOnly", values: { command: "language" } },
        "NOT_A_MODERATOR",
      );
    }
    const actor = actorOf(invocation);
    if (RESET_WORDS.has(args.language.toLowerCase())) {
      await services.channelLanguages.clear(invocation.channel, actor);
      const fallback = translatorFor(channelLanguage({ defaultLanguage: services.defaults.language }));
      return {
        ...reply.success(fallback.t("language.reset", { place, name: fallback.language.native })),
        language: fallback.language.tag,
      };
    }
    const wanted = findUserLanguage(args.language);
    if (!wanted) {
      throw new UserError(
        { key: "language.unknown", values: { typed: args.language, choices: languageChoices(tr) } },
        "INVALID_ARGUMENTS",
      );
    }
    await services.channelLanguages.set({
      channel: invocation.channel,
      community: invocation.community,
      language: wanted.tag as Exclude<typeof wanted.tag, "qps-ploc">,
      actor,
    });
    // Said in the language just chosen: the moderator sees at once how the channel will read.
    const now = translatorFor(wanted.tag);
    const review = REVIEWS[wanted.tag]?.reviewed ? "" : `\n${now.t("language.unreviewedNote")}`;
    return {
      ...reply.success(`${now.t("language.set", { place, name: wanted.native })}${review}`),
      language: wanted.tag,
    };
  },
});
