/**
 * The commands answer in the reader's language (issue 15): the channel's (here Persian and Russian), or the
 * member's own where the platform tells it (a Discord member with locale es-ES in an English channel).
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { stripIsolates } from "../../../src/core/i18n/bidi.ts";
import type { LanguageTag } from "../../../src/core/i18n/languages.ts";
import { createTestBot, type TestBot, textOf } from "./test-bot.ts";

const NOW = new Date("2026-11-24T12:00:00Z");
const mod = { moderator: true } as const;

async function botIn(language: LanguageTag): Promise<TestBot> {
  const bot = await createTestBot(NOW);
  await bot.services.channelLanguages.set({
    channel: channelRef("console:room-a"),
    community: communityRef("console:community"),
    language,
    actor: "test",
  });
  return bot;
}

describe("a Persian channel", () => {
  it("introduces today's family in Persian, with the date in Persian", async () => {
    const bot = await botIn("fa");
    const reply = await bot.say("/today");
    expect(reply).toMatchObject({ kind: "card", intro: "خانوادهٔ امروز (۲۴ نوامبر ۲۰۲۶)", language: "fa" });
  });

  it("schedules, lists and cancels a spotlight in Persian, the Latin name isolated", async () => {
    const bot = await botIn("fa");
    const said = async (line: string) => stripIsolates(textOf(await bot.say(line, mod)));
    const scheduled = textOf(await bot.say("/schedule Khalil Matouk 2026-12-10", mod));
    expect(scheduled).toContain("\u2068Khalil Matouk\u2069");
    expect(stripIsolates(scheduled)).toBe(
      "معرفی ویژه زمان‌بندی شد: Khalil Matouk در این کانال، ۱۰ دسامبر ۲۰۲۶، ساعت 09:00 (UTC). " +
        "در آن تاریخ جای چرخهٔ روزانه را در آنجا می‌گیرد. برای لغو آن: /schedule cancel 1",
    );
    expect(await said("/schedule list")).toBe(
      "معرفی‌های ویژهٔ پیش رو:\n۱۰ دسامبر ۲۰۲۶، 09:00 (UTC): Khalil Matouk — /schedule cancel 1",
    );
    expect(await said("/schedule cancel 1")).toBe(
      "معرفی ویژهٔ Khalil Matouk در این کانال، ۱۰ دسامبر ۲۰۲۶، ساعت 09:00 (UTC) لغو شد.",
    );
  });
});

describe("a member whose platform says es-ES, in an English channel", () => {
  const es = { locale: "es-ES" } as const;

  it("gets no match, several matches and did-you-mean in Spanish", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/prisoner xyzzy", es))).toBe(
      "Ningún perfil coincide con «xyzzy». Pruebe con un apellido u otra grafía; /help muestra los comandos.",
    );
    const several = await bot.say("/prisoner Mohammad", es);
    expect(several).toMatchObject({
      kind: "choices",
      prompt: "Varias personas coinciden con «Mohammad». ¿A quién se refiere?",
    });
    const close = await bot.say("/prisoner Sentsof", es);
    expect(close).toMatchObject({
      kind: "choices",
      prompt: "Ningún perfil coincide exactamente con «Sentsof». ¿Quiso decir:",
    });
  });

  it("is asked for a name in Spanish, while the channel's other members still read English", async () => {
    const bot = await createTestBot(NOW);
    expect(textOf(await bot.say("/prisoner", es))).toBe(
      "¿Qué preso? Escriba un nombre, p. ej., /prisoner Mammadov\nUso: /prisoner <nombre>",
    );
    expect(textOf(await bot.say("/prisoner"))).toBe(
      "Which prisoner? Type a name, e.g. /prisoner Mammadov\nUsage: /prisoner <name>",
    );
  });
});

describe("a Russian channel", () => {
  it("subscribes in Russian, with the next post's weekday and date in Russian", async () => {
    const bot = await botIn("ru");
    expect(textOf(await bot.say("/subscribe 09:00 Europe/Moscow", mod))).toMatch(
      /^Подписка оформлена: этот канал будет получать семью дня кампании #\S+ в 09:00 \(Europe\/Moscow\)\. Следующая публикация: среда, 25 ноября 2026 г\., 09:00 \(Europe\/Moscow\)\.\nГодовщины: включены\. [^\n]*\nОбъявления об освобождении здесь: включены/,
    );
    expect(textOf(await bot.say("/subscribe 25:00", mod))).toBe(
      "«25:00» — не время суток: используйте 24-часовой формат HH:MM, например 09:00 или 18:30\n" +
        "Использование: /subscribe [HH:MM] [часовой пояс] [кампания] [--language <код>] [anniversaries on|off] [updates on|off] [mention <роль>|none] [silent on|off] [crosspost on|off] [previews on|off]",
    );
    expect(textOf(await bot.say("/unsubscribe", mod))).toBe(
      "Остановлено: в этом канале больше не будет ежедневных публикаций. /subscribe возобновит их.",
    );
  });

  it("says /schedule's errors in Russian", async () => {
    const bot = await botIn("ru");
    expect(textOf(await bot.say("/schedule Matouk 2026-12-01 --foo", mod))).toMatch(
      /^Неизвестный параметр «--foo»: доступны параметры --community и --replace\nИспользование: \/schedule /,
    );
    expect(textOf(await bot.say("/schedule Khalil Matouk 2026-11-01", mod))).toBe(
      "Дата 1 ноября 2026 г. уже прошла в часовом поясе UTC (там сегодня 24 ноября 2026 г.); " +
        "выберите сегодняшнюю или более позднюю дату.",
    );
    expect(textOf(await bot.say("/schedule cancel 99", mod))).toBe(
      "Здесь нет запланированного особого показа с таким номером. /schedule list показывает те, что можно " +
        "отменить, каждый вместе с командой для отмены. Ничего не изменено.",
    );
    expect(textOf(await bot.say("/schedule Ilgar Mammadov 2026-12-10", mod))).toMatch(
      /^Нельзя назначить особый показ \(Ilgar Mammadov\) на 10 декабря 2026 г\.: ежедневная публикация не показывает статус «.+»/,
    );
  });
});
