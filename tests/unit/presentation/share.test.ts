import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Campaign } from "../../../src/core/profile.ts";
import type { ShareKit, ShareNetwork } from "../../../src/core/reply.ts";
import { buildShareKit, encodeParam } from "../../../src/presentation/share.ts";
import { campaign2016, ilgarMammadov } from "./profiles.ts";

const link = (kit: ShareKit, network: ShareNetwork) => {
  const found = kit.links.find((l) => l.network === network);
  if (!found) throw new Error(`no ${network} link`);
  return found.url;
};
const param = (url: string, name: string) => new URL(url).searchParams.get(name);

/** RFC 6068 values, decoded by hand: URLSearchParams would read a literal "+" as a space. */
function mailto(url: string): Record<string, string> {
  expect(url.startsWith("mailto:?")).toBe(true);
  const pairs = url.slice("mailto:?".length).split("&");
  return Object.fromEntries(
    pairs.map((pair) => {
      const [key, value = ""] = pair.split("=");
      return [key, decodeURIComponent(value)];
    }),
  );
}

const HOSTILE_NAME = `Ali & "Bob" #1 ?x=y+z 50% 'O'Brien' (*) ✊🏽 عمر محمد علي $& $1`;
const HOSTILE_TEXT = `Free {name}!\nLine two: a=b&c=d; é #FreeToBeHome`;

/** The same campaign as a live one: its share text goes out as written. */
const { historical: _past, ...live2016 } = campaign2016;

describe("buildShareKit", () => {
  it("says a past campaign's text comes from it, with the date the status is known as of", () => {
    expect(buildShareKit(ilgarMammadov(), campaign2016).text).toBe(
      "Ilgar Mammadov and their family are still waiting to be together. #FreeToBeHome " +
        `(A past campaign, December 2016; status as of 23 April 2020.) ${campaign2016.url}`,
    );
  });

  const kit = buildShareKit(ilgarMammadov(), live2016);
  const message = "Ilgar Mammadov and their family are still waiting to be together. #FreeToBeHome";

  it("fills in the name, adds the hashtag and ends with the campaign link", () => {
    expect(kit.text).toBe(`${message} ${live2016.url}`);
    expect(kit.url).toBe(live2016.url);
    expect(kit.hashtag).toBe("#FreeToBeHome");
    expect(kit.profileId).toBe("ilgar-mammadov");
  });

  it("offers every network once, in a stable order", () => {
    expect(kit.links.map((l) => `${l.network}:${l.label}`)).toEqual([
      "x:X",
      "facebook:Facebook",
      "bluesky:Bluesky",
      "linkedin:LinkedIn",
      "telegram:Telegram",
      "whatsapp:WhatsApp",
      "email:E-mail",
    ]);
  });

  it("points each network at its share endpoint", () => {
    expect(link(kit, "x")).toMatch(/^https:\/\/x\.com\/intent\/tweet\?text=/);
    expect(link(kit, "facebook")).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect(link(kit, "bluesky")).toMatch(/^https:\/\/bsky\.app\/intent\/compose\?text=/);
    expect(link(kit, "linkedin")).toMatch(/^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=/);
    expect(link(kit, "telegram")).toMatch(/^https:\/\/t\.me\/share\/url\?url=/);
    expect(link(kit, "whatsapp")).toMatch(/^https:\/\/wa\.me\/\?text=/);
  });

  it("does not add the hashtag twice, in any case, but does add it beside a longer tag", () => {
    const withTag = { ...live2016, shareText: "#freetobehome: {name}" };
    expect(buildShareKit(ilgarMammadov(), withTag).text).toBe(
      `#freetobehome: Ilgar Mammadov ${live2016.url}`,
    );
    const longer = { ...live2016, shareText: "{name} #FreeToBeHomeNow" };
    expect(buildShareKit(ilgarMammadov(), longer).text).toBe(
      `Ilgar Mammadov #FreeToBeHomeNow #FreeToBeHome ${live2016.url}`,
    );
  });
});

describe("buildShareKit with hostile text", () => {
  const campaign: Campaign = {
    ...live2016,
    shareText: HOSTILE_TEXT,
    url: "https://example.org/a?b=c&d=e#f",
  };
  const kit = buildShareKit(ilgarMammadov({ displayName: HOSTILE_NAME }), campaign);
  const message = `Free ${HOSTILE_NAME}!\nLine two: a=b&c=d; é #FreeToBeHome`;

  it("keeps the name literal, with no replacement patterns expanded", () => {
    expect(kit.text).toBe(`${message} ${campaign.url}`);
  });

  it("round-trips the text and the link through every query link", () => {
    expect(param(link(kit, "x"), "text")).toBe(message);
    expect(param(link(kit, "x"), "url")).toBe(campaign.url);
    expect(param(link(kit, "facebook"), "u")).toBe(campaign.url);
    expect(param(link(kit, "bluesky"), "text")).toBe(kit.text);
    expect(param(link(kit, "linkedin"), "url")).toBe(campaign.url);
    expect(param(link(kit, "telegram"), "url")).toBe(campaign.url);
    expect(param(link(kit, "telegram"), "text")).toBe(message);
    expect(param(link(kit, "whatsapp"), "text")).toBe(kit.text);
    for (const l of kit.links) expect(new URL(l.url).hash).toBe("");
  });

  it("writes mailto per RFC 6068: %20 for spaces, CRLF line breaks, one-line subject", () => {
    const url = link(kit, "email");
    expect(url).not.toMatch(/[+ ]/);
    expect(url).toContain("%0D%0A");
    const fields = mailto(url);
    expect(Object.keys(fields)).toEqual(["subject", "body"]);
    expect(fields.body).toBe(kit.text.replace(/\n/g, "\r\n"));
    expect(fields.subject).toBe(`${HOSTILE_NAME} #FreeToBeHome`);
  });

  it("percent-encodes every reserved character in every parameter value", () => {
    for (const l of kit.links) {
      const query = l.url.slice(l.url.indexOf("?") + 1);
      for (const pair of query.split("&")) {
        expect(pair).toMatch(/^[a-z]+=[A-Za-z0-9\-._~%]*$/);
      }
    }
  });
});

describe("encodeParam", () => {
  it("encodes what encodeURIComponent leaves alone", () => {
    expect(encodeParam("!'()* +")).toBe("%21%27%28%29%2A%20%2B");
  });

  it("round-trips any well-formed text, and survives a lone surrogate", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeURIComponent(encodeParam(s))).toBe(s);
        expect(encodeParam(s)).toMatch(/^[A-Za-z0-9\-._~%]*$/);
      }),
    );
    expect(decodeURIComponent(encodeParam("a\uD800b"))).toBe("a\uFFFDb");
  });
});
