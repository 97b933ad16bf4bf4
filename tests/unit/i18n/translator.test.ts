import { describe, expect, it } from "vitest";
import { isolateFor, stripIsolates } from "../../../src/core/i18n/bidi.ts";
import { channelLanguage, replyLanguage } from "../../../src/core/i18n/choose.ts";
import { matchLanguage } from "../../../src/core/i18n/languages.ts";
import { pseudoMessage } from "../../../src/core/i18n/pseudo.ts";
import { readSchemaMessage, schemaMessage } from "../../../src/core/i18n/schema-message.ts";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";

describe("which language a platform's locale means", () => {
  it.each([
    ["es-ES", "es"],
    ["es-419", "es"],
    ["fr", "fr"],
    ["fa", "fa"],
    ["fa-IR", "fa"],
    ["ar-EG", "ar"],
    ["uk", "uk"],
    ["ru", "ru"],
    ["az-Latn-AZ", "az"],
    ["en-US", "en"],
    ["zh-CN", "zh-Hans"],
    ["zh-hans", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["ZH_sg", "zh-Hans"],
  ])("%s → %s", (locale, tag) => {
    expect(matchLanguage(locale)).toBe(tag);
  });

  it.each(["zh-TW", "zh-Hant", "zh-HK", "pt-BR", "de", "qps", "", "constructor", "__proto__"])(
    "%s → none (the channel's language applies)",
    (locale) => {
      expect(matchLanguage(locale)).toBeUndefined();
    },
  );

  it("answers a member in theirs, else in the channel's, else the default, else English", () => {
    expect(replyLanguage({ memberLocale: "es-ES", channelLanguage: "fa", defaultLanguage: "ru" })).toBe("es");
    expect(replyLanguage({ memberLocale: "pt-BR", channelLanguage: "fa", defaultLanguage: "ru" })).toBe("fa");
    expect(replyLanguage({ channelLanguage: undefined, defaultLanguage: "ru" })).toBe("ru");
    expect(replyLanguage({})).toBe("en");
    expect(channelLanguage({ channelLanguage: "ar", defaultLanguage: "ru" })).toBe("ar");
  });
});

describe("the translator", () => {
  it("falls back along the chain to English, never to a key", () => {
    const fa = translatorFor("fa");
    expect(fa.t("dispatch.failed")).not.toBe("dispatch.failed");
    expect(fa.t("dispatch.failed")).toMatch(/[\u0600-\u06FF]/);
    // An unknown tag is English.
    expect(translatorFor("xx").language.tag).toBe("en");
    expect(translatorFor(undefined).t("dispatch.usage", { usage: "/today" })).toBe("Usage: /today");
  });

  it("isolates a value written the other way: a Latin name in Persian, an Arabic one in English", () => {
    const fa = translatorFor("fa").t("dispatch.unknownCommand", { command: "prisoner" });
    expect(fa).toContain("\u2068prisoner\u2069");
    expect(english.t("dispatch.unknownCommand", { command: "سجين" })).toContain("\u2068سجين\u2069");
    // Same direction: untouched, so English replies stay byte for byte as they were.
    expect(english.t("dispatch.unknownCommand", { command: "prisoner" })).toBe(
      "There is no /prisoner command. /help lists the commands.",
    );
    expect(isolateFor("Ilgar", "ltr")).toBe("Ilgar");
    expect(stripIsolates(isolateFor("Ilgar", "rtl"))).toBe("Ilgar");
  });

  it("dates every language in the Gregorian calendar, to the precision known", () => {
    expect(english.date("2014-03-17")).toBe("17 March 2014");
    expect(english.date("2015-12")).toBe("December 2015");
    expect(english.date("2016")).toBe("2016");
    expect(translatorFor("fa").date("2020-04-23")).toBe("۲۳ آوریل ۲۰۲۰");
    expect(translatorFor("zh-Hans").date("2020-04-23")).toBe("2020年4月23日");
    expect(translatorFor("ru").date("2020-04")).toMatch(/^апрель 2020/);
  });

  it("plural rules of each language, through ICU", () => {
    // dispatch has no plural; the card area does (years of a sentence): checked where it is defined.
    expect(translatorFor("ru").list(["а", "б", "в"])).toBe("а, б и в");
    expect(translatorFor("ar").region("SY")).toBe("سوريا");
  });

  it("makes the pseudo-language from English: accented, longer, bracketed, placeholders kept", () => {
    const made = pseudoMessage("Spotlight for {date}, {n, plural, one {# day} other {# days}}");
    expect(made.startsWith("[") && made.endsWith("]")).toBe(true);
    expect(made).toContain("{date}");
    expect(made).toContain("{n,plural,one{# dáý");
    const pseudo = translatorFor("qps-ploc").t("dispatch.failed");
    expect(pseudo).toMatch(/^\[Šöméthíñg wéñt/);
    expect(pseudo.length).toBeGreaterThanOrEqual(1.3 * english.t("dispatch.failed").length);
  });

  it("carries a schema's message with its values to the reader's language", () => {
    expect(readSchemaMessage("dispatch.failed")).toEqual({ key: "dispatch.failed" });
    expect(readSchemaMessage(schemaMessage("dispatch.usage", { usage: "/x" }))).toEqual({
      key: "dispatch.usage",
      values: { usage: "/x" },
    });
    expect(readSchemaMessage("Expected string, received number")).toBeUndefined();
    expect(readSchemaMessage("constructor.name")).toBeUndefined();
  });
});

describe("select in a right-to-left language", () => {
  it("picks the branch by the value, which is never isolated (it is not shown)", () => {
    const fa = translatorFor("fa");
    expect(fa.t("language.reset", { place: "chat", name: "English" })).toMatch(/^این گفتگو/);
    expect(fa.t("language.reset", { place: "channel", name: "English" })).toMatch(/^این کانال/);
    expect(translatorFor("ar").t("language.set", { place: "chat", name: "English" })).toContain(
      "هذه المحادثة",
    );
  });
});
