/**
 * `freetobehome languages [--json]`: the languages the bot speaks, how much of each catalog is translated,
 * and whether a fluent person reviewed it. An unreviewed catalog is still used (better than English for
 * its readers); campaigns and moderators see here which ones those are.
 */
import { languageStatuses, type LanguageStatus } from "../core/i18n/coverage.ts";
import type { CliContext } from "./context.ts";
import { writeList } from "./list-output.ts";

export async function runLanguages(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  writeList<LanguageStatus>(
    ctx.io,
    languageStatuses(),
    {
      columns: ["TAG", "LANGUAGE", "NAME", "DIRECTION", "TRANSLATED", "REVIEWED", "DISCORD MENUS"],
      cells: (s) => [
        s.language.tag,
        s.language.english,
        s.language.native,
        s.language.direction,
        `${s.translated}/${s.total}`,
        s.reviewed ? `yes (${s.reviewedBy ?? "unnamed"})` : "no",
        s.language.discord.length > 0 ? s.language.discord.join(", ") : "none (Discord lacks it)",
      ],
      json: (s) => ({
        tag: s.language.tag,
        english: s.language.english,
        native: s.language.native,
        direction: s.language.direction,
        translated: s.translated,
        total: s.total,
        reviewed: s.reviewed,
        reviewedBy: s.reviewedBy,
        translatedBy: s.translatedBy,
        discordLocales: s.language.discord,
      }),
      empty: "No languages.",
      heading:
        "Unreviewed catalogs are used all the same (better than English for their readers); untranslated messages fall back to English.",
    },
    options.json === true,
  );
  return 0;
}
