/**
 * Every catalog, by language and area. Generated once; an area is a file per language (catalogs/<tag>/<area>.json)
 * so that work on different areas never edits the same file. Add an area here, in every language, at once.
 */
import en_common from "./en/common.json" with { type: "json" };
import en_language from "./en/language.json" with { type: "json" };
import en_dispatch from "./en/dispatch.json" with { type: "json" };
import en_commands from "./en/commands.json" with { type: "json" };
import en_subscribe from "./en/subscribe.json" with { type: "json" };
import en_schedule from "./en/schedule.json" with { type: "json" };
import en_card from "./en/card.json" with { type: "json" };
import en_share from "./en/share.json" with { type: "json" };
import en_post from "./en/post.json" with { type: "json" };
import en_notice from "./en/notice.json" with { type: "json" };
import en_render from "./en/render.json" with { type: "json" };
import en_menu from "./en/menu.json" with { type: "json" };
import es_common from "./es/common.json" with { type: "json" };
import es_language from "./es/language.json" with { type: "json" };
import es_dispatch from "./es/dispatch.json" with { type: "json" };
import es_commands from "./es/commands.json" with { type: "json" };
import es_subscribe from "./es/subscribe.json" with { type: "json" };
import es_schedule from "./es/schedule.json" with { type: "json" };
import es_card from "./es/card.json" with { type: "json" };
import es_share from "./es/share.json" with { type: "json" };
import es_post from "./es/post.json" with { type: "json" };
import es_notice from "./es/notice.json" with { type: "json" };
import es_render from "./es/render.json" with { type: "json" };
import es_menu from "./es/menu.json" with { type: "json" };
import fr_common from "./fr/common.json" with { type: "json" };
import fr_language from "./fr/language.json" with { type: "json" };
import fr_dispatch from "./fr/dispatch.json" with { type: "json" };
import fr_commands from "./fr/commands.json" with { type: "json" };
import fr_subscribe from "./fr/subscribe.json" with { type: "json" };
import fr_schedule from "./fr/schedule.json" with { type: "json" };
import fr_card from "./fr/card.json" with { type: "json" };
import fr_share from "./fr/share.json" with { type: "json" };
import fr_post from "./fr/post.json" with { type: "json" };
import fr_notice from "./fr/notice.json" with { type: "json" };
import fr_render from "./fr/render.json" with { type: "json" };
import fr_menu from "./fr/menu.json" with { type: "json" };
import ar_common from "./ar/common.json" with { type: "json" };
import ar_language from "./ar/language.json" with { type: "json" };
import ar_dispatch from "./ar/dispatch.json" with { type: "json" };
import ar_commands from "./ar/commands.json" with { type: "json" };
import ar_subscribe from "./ar/subscribe.json" with { type: "json" };
import ar_schedule from "./ar/schedule.json" with { type: "json" };
import ar_card from "./ar/card.json" with { type: "json" };
import ar_share from "./ar/share.json" with { type: "json" };
import ar_post from "./ar/post.json" with { type: "json" };
import ar_notice from "./ar/notice.json" with { type: "json" };
import ar_render from "./ar/render.json" with { type: "json" };
import ar_menu from "./ar/menu.json" with { type: "json" };
import fa_common from "./fa/common.json" with { type: "json" };
import fa_language from "./fa/language.json" with { type: "json" };
import fa_dispatch from "./fa/dispatch.json" with { type: "json" };
import fa_commands from "./fa/commands.json" with { type: "json" };
import fa_subscribe from "./fa/subscribe.json" with { type: "json" };
import fa_schedule from "./fa/schedule.json" with { type: "json" };
import fa_card from "./fa/card.json" with { type: "json" };
import fa_share from "./fa/share.json" with { type: "json" };
import fa_post from "./fa/post.json" with { type: "json" };
import fa_notice from "./fa/notice.json" with { type: "json" };
import fa_render from "./fa/render.json" with { type: "json" };
import fa_menu from "./fa/menu.json" with { type: "json" };
import ru_common from "./ru/common.json" with { type: "json" };
import ru_language from "./ru/language.json" with { type: "json" };
import ru_dispatch from "./ru/dispatch.json" with { type: "json" };
import ru_commands from "./ru/commands.json" with { type: "json" };
import ru_subscribe from "./ru/subscribe.json" with { type: "json" };
import ru_schedule from "./ru/schedule.json" with { type: "json" };
import ru_card from "./ru/card.json" with { type: "json" };
import ru_share from "./ru/share.json" with { type: "json" };
import ru_post from "./ru/post.json" with { type: "json" };
import ru_notice from "./ru/notice.json" with { type: "json" };
import ru_render from "./ru/render.json" with { type: "json" };
import ru_menu from "./ru/menu.json" with { type: "json" };
import uk_common from "./uk/common.json" with { type: "json" };
import uk_language from "./uk/language.json" with { type: "json" };
import uk_dispatch from "./uk/dispatch.json" with { type: "json" };
import uk_commands from "./uk/commands.json" with { type: "json" };
import uk_subscribe from "./uk/subscribe.json" with { type: "json" };
import uk_schedule from "./uk/schedule.json" with { type: "json" };
import uk_card from "./uk/card.json" with { type: "json" };
import uk_share from "./uk/share.json" with { type: "json" };
import uk_post from "./uk/post.json" with { type: "json" };
import uk_notice from "./uk/notice.json" with { type: "json" };
import uk_render from "./uk/render.json" with { type: "json" };
import uk_menu from "./uk/menu.json" with { type: "json" };
import az_common from "./az/common.json" with { type: "json" };
import az_language from "./az/language.json" with { type: "json" };
import az_dispatch from "./az/dispatch.json" with { type: "json" };
import az_commands from "./az/commands.json" with { type: "json" };
import az_subscribe from "./az/subscribe.json" with { type: "json" };
import az_schedule from "./az/schedule.json" with { type: "json" };
import az_card from "./az/card.json" with { type: "json" };
import az_share from "./az/share.json" with { type: "json" };
import az_post from "./az/post.json" with { type: "json" };
import az_notice from "./az/notice.json" with { type: "json" };
import az_render from "./az/render.json" with { type: "json" };
import az_menu from "./az/menu.json" with { type: "json" };
import zhHans_common from "./zh-Hans/common.json" with { type: "json" };
import zhHans_language from "./zh-Hans/language.json" with { type: "json" };
import zhHans_dispatch from "./zh-Hans/dispatch.json" with { type: "json" };
import zhHans_commands from "./zh-Hans/commands.json" with { type: "json" };
import zhHans_subscribe from "./zh-Hans/subscribe.json" with { type: "json" };
import zhHans_schedule from "./zh-Hans/schedule.json" with { type: "json" };
import zhHans_card from "./zh-Hans/card.json" with { type: "json" };
import zhHans_share from "./zh-Hans/share.json" with { type: "json" };
import zhHans_post from "./zh-Hans/post.json" with { type: "json" };
import zhHans_notice from "./zh-Hans/notice.json" with { type: "json" };
import zhHans_render from "./zh-Hans/render.json" with { type: "json" };
import zhHans_menu from "./zh-Hans/menu.json" with { type: "json" };
import en_meta from "./en/meta.json" with { type: "json" };
import es_meta from "./es/meta.json" with { type: "json" };
import fr_meta from "./fr/meta.json" with { type: "json" };
import ar_meta from "./ar/meta.json" with { type: "json" };
import fa_meta from "./fa/meta.json" with { type: "json" };
import ru_meta from "./ru/meta.json" with { type: "json" };
import uk_meta from "./uk/meta.json" with { type: "json" };
import az_meta from "./az/meta.json" with { type: "json" };
import zhHans_meta from "./zh-Hans/meta.json" with { type: "json" };

/** The English catalog is the source: its keys are the only keys (MessageKey).
 */
export const SOURCE = {
  common: en_common,
  language: en_language,
  dispatch: en_dispatch,
  commands: en_commands,
  subscribe: en_subscribe,
  schedule: en_schedule,
  card: en_card,
  share: en_share,
  post: en_post,
  notice: en_notice,
  render: en_render,
  menu: en_menu,
} as const;

export type Areas = typeof SOURCE;

/** Each language's areas, as loaded (a translation may lack a key: the fallback chain covers it). */
export const CATALOGS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> =
  {
    en: {
      common: en_common,
      language: en_language,
      dispatch: en_dispatch,
      commands: en_commands,
      subscribe: en_subscribe,
      schedule: en_schedule,
      card: en_card,
      share: en_share,
      post: en_post,
      notice: en_notice,
      render: en_render,
      menu: en_menu,
    },
    es: {
      common: es_common,
      language: es_language,
      dispatch: es_dispatch,
      commands: es_commands,
      subscribe: es_subscribe,
      schedule: es_schedule,
      card: es_card,
      share: es_share,
      post: es_post,
      notice: es_notice,
      render: es_render,
      menu: es_menu,
    },
    fr: {
      common: fr_common,
      language: fr_language,
      dispatch: fr_dispatch,
      commands: fr_commands,
      subscribe: fr_subscribe,
      schedule: fr_schedule,
      card: fr_card,
      share: fr_share,
      post: fr_post,
      notice: fr_notice,
      render: fr_render,
      menu: fr_menu,
    },
    ar: {
      common: ar_common,
      language: ar_language,
      dispatch: ar_dispatch,
      commands: ar_commands,
      subscribe: ar_subscribe,
      schedule: ar_schedule,
      card: ar_card,
      share: ar_share,
      post: ar_post,
      notice: ar_notice,
      render: ar_render,
      menu: ar_menu,
    },
    fa: {
      common: fa_common,
      language: fa_language,
      dispatch: fa_dispatch,
      commands: fa_commands,
      subscribe: fa_subscribe,
      schedule: fa_schedule,
      card: fa_card,
      share: fa_share,
      post: fa_post,
      notice: fa_notice,
      render: fa_render,
      menu: fa_menu,
    },
    ru: {
      common: ru_common,
      language: ru_language,
      dispatch: ru_dispatch,
      commands: ru_commands,
      subscribe: ru_subscribe,
      schedule: ru_schedule,
      card: ru_card,
      share: ru_share,
      post: ru_post,
      notice: ru_notice,
      render: ru_render,
      menu: ru_menu,
    },
    uk: {
      common: uk_common,
      language: uk_language,
      dispatch: uk_dispatch,
      commands: uk_commands,
      subscribe: uk_subscribe,
      schedule: uk_schedule,
      card: uk_card,
      share: uk_share,
      post: uk_post,
      notice: uk_notice,
      render: uk_render,
      menu: uk_menu,
    },
    az: {
      common: az_common,
      language: az_language,
      dispatch: az_dispatch,
      commands: az_commands,
      subscribe: az_subscribe,
      schedule: az_schedule,
      card: az_card,
      share: az_share,
      post: az_post,
      notice: az_notice,
      render: az_render,
      menu: az_menu,
    },
    "zh-Hans": {
      common: zhHans_common,
      language: zhHans_language,
      dispatch: zhHans_dispatch,
      commands: zhHans_commands,
      subscribe: zhHans_subscribe,
      schedule: zhHans_schedule,
      card: zhHans_card,
      share: zhHans_share,
      post: zhHans_post,
      notice: zhHans_notice,
      render: zhHans_render,
      menu: zhHans_menu,
    },
  };

/** Whether a fluent person reviewed a language's catalog, and who made it. */
export interface CatalogReview {
  reviewed: boolean;
  reviewedBy: string | null;
  translatedBy: string | null;
  note: string;
}

export const REVIEWS: Readonly<Record<string, CatalogReview>> = {
  en: en_meta,
  es: es_meta,
  fr: fr_meta,
  ar: ar_meta,
  fa: fa_meta,
  ru: ru_meta,
  uk: uk_meta,
  az: az_meta,
  "zh-Hans": zhHans_meta,
};
