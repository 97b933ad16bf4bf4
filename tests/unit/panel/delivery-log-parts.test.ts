/**
 * The Deliveries page's pure parts: CSV fields as RFC 4180 quotes them (and never a live spreadsheet
 * formula), the filters read from a query string with a sentence for each value left out, and the message
 * links each platform's ids make.
 */
import { describe, expect, it } from "vitest";
import { messageLink as discordLink } from "../../../platforms/discord/ids.ts";
import { messageLink as telegramLink } from "../../../platforms/telegram/ids.ts";
import { channelRef } from "../../../src/core/channel.ts";
import { csvField, csvLine } from "../../../src/core/csv.ts";
import { english } from "../../../src/core/i18n/translator.ts";
import { readFilters } from "../../../src/panel/pages/delivery-filters.ts";

describe("CSV", () => {
  it("quotes a field holding a comma, a quote or a line break, doubling its quotes; ends lines with CRLF", () => {
    expect(csvLine(["plain", 'say "no", please', "two\nlines", 3, undefined])).toBe(
      'plain,"say ""no"", please","two\nlines",3,\r\n',
    );
  });

  it("never leaves text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe("-3");
  });
});

describe("the Deliveries filters", () => {
  const read = (query: Record<string, string>) => readFilters((name) => query[name], english);

  it("keeps what is valid and makes a query string of it", () => {
    const read1 = read({
      platform: "telegram",
      state: "sent",
      from: "2026-12-01",
      to: "2026-12-06",
      profile: " x ",
    });
    expect(read1.filter).toEqual({
      platform: "telegram",
      state: "sent",
      from: "2026-12-01",
      to: "2026-12-06",
      profileId: "x",
    });
    expect(read1.problems).toEqual([]);
    expect(read1.query).toBe("platform=telegram&state=sent&profile=x&from=2026-12-01&to=2026-12-06");
  });

  it("leaves out each bad value with a sentence that names it", () => {
    const bad = read({ platform: "constructor", state: "__proto__", from: "2026-13-01", to: "yesterday" });
    expect(bad.filter).toEqual({});
    expect(bad.problems).toEqual([
      "“constructor” is not one of the choices. That filter was left out.",
      "“__proto__” is not one of the choices. That filter was left out.",
      "“2026-13-01” is not a date: use YYYY-MM-DD, such as 2026-12-07. That filter was left out.",
      "“yesterday” is not a date: use YYYY-MM-DD, such as 2026-12-07. That filter was left out.",
    ]);
    expect(read({ from: "2026-12-06", to: "2026-12-01" }).filter).toEqual({});
  });
});

describe("message links", () => {
  const ref = (channelId: string, messageId: string) => ({ channelId, messageId });

  it("Discord: the server, channel and message; @me for the bot's DMs; nothing for junk", () => {
    expect(
      discordLink(
        "discord:123456789012345678:223456789012345678",
        ref("223456789012345678", "323456789012345678"),
      ),
    ).toBe("https://discord.com/channels/123456789012345678/223456789012345678/323456789012345678");
    expect(
      discordLink("discord:dm:223456789012345678", ref("223456789012345678", "323456789012345678")),
    ).toBe("https://discord.com/channels/@me/223456789012345678/323456789012345678");
    expect(discordLink("discord:111:222", ref("222", "333"))).toBeUndefined();
  });

  it("Telegram: t.me/c links for supergroups and channels only", () => {
    expect(telegramLink(channelRef("telegram:-1009876543210"), ref("-1009876543210", "42"))).toBe(
      "https://t.me/c/9876543210/42",
    );
    expect(telegramLink(channelRef("telegram:-12345"), ref("-12345", "42"))).toBeUndefined();
    expect(telegramLink(channelRef("telegram:-1009876543210"), ref("-1001111111111", "42"))).toBeUndefined();
  });
});
