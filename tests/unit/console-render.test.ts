import { describe, expect, it } from "vitest";
import { renderReply } from "../../platforms/console/render.ts";
import { reply } from "../../src/core/reply.ts";
import { buildCard } from "../../src/presentation/card.ts";
import { buildShareKit } from "../../src/presentation/share.ts";
import { campaign2016, currentCampaign, ilgarMammadov, khalilMatouk } from "./presentation/profiles.ts";

const STATE_BLOG =
  "http://2007-2017-blogs.state.gov/stories/2016/12/13/freetobehome-giving-voice-support-political-prisoners.html";

describe("console renderReply", () => {
  it("lays out a card as plain lines, the name first and the status date once", () => {
    const card = buildCard(ilgarMammadov(), campaign2016);
    expect(renderReply({ kind: "card", card, visibility: "public" })).toBe(
      [
        "Ilgar Mammadov · Azerbaijan · İlqar Məmmədov",
        "Status as of 23 April 2020. Note: Profiled by #FreeToBeHome in December 2016 (a past campaign). The status shown may have changed since.",
        "",
        "Chairman of the REAL movement, arrested after unrest in Ismayilli and sentenced to seven years.",
        "",
        "Status: Released (conditionally) on 13 August 2018",
        "Detained: 4 February 2013 – 13 August 2018",
        'Charges as reported: Charged with "organising mass riots"',
        "Sentence: Sentenced to 7 years on 17 March 2014",
        "Designations: Amnesty International: prisoner of conscience",
        "Speaking for the family: His wife, Vafa Mammadova",
        "",
        `"${ilgarMammadov().quotes[0]!.text}" — Vafa Mammadova, his wife`,
        "",
        "Sources: 1. https://www.irfs.org/news-feed/shaki-appeal-court-does-not-release-ilgar-mammadov/",
        "         2. https://news.am/eng/news/466159.html",
        "         3. https://commonspace.eu/index.php?m=23&news_id=5525",
        `         4. ${STATE_BLOG}`,
        "#FreeToBeHome (2016)",
      ].join("\n"),
    );
  });

  it("says the status date on its own line when no notice says it (a live campaign)", () => {
    const card = buildCard(ilgarMammadov(), currentCampaign);
    const lines = renderReply({ kind: "card", card, visibility: "public" }).split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "Ilgar Mammadov · Azerbaijan · İlqar Məmmədov",
      "Status as of 23 April 2020",
    ]);
    expect(lines.at(-1)).toBe("#FreeToBeHome · FreeToBeHome");
  });

  it("shows the family story, a translated quote, a photo and an intro", () => {
    const card = {
      ...buildCard(khalilMatouk(), campaign2016),
      photo: { url: "https://example.org/p.jpg", alt: "Khalil Matouk", credit: "Family archive" },
    };
    const out = renderReply({ kind: "card", card, intro: "Today's family", visibility: "public" });
    expect(out.startsWith("Today's family\n\nKhalil Matouk · Syria · ")).toBe(true);
    expect(out).toContain("\n\nHis daughter Raneem was herself detained from February 2013 to June 2014.\n");
    expect(out).toContain(
      '"I miss the self-confidence he always gave me." — Raneem Matouk, his daughter (translated)',
    );
    expect(out).toContain("Photo: https://example.org/p.jpg (Khalil Matouk; credit: Family archive)");
  });

  it("appends a share kit: the text, then one line per network", () => {
    const profile = ilgarMammadov();
    const kit = buildShareKit(profile, campaign2016);
    const card = buildCard(profile, campaign2016);
    for (const out of [renderReply({ kind: "share", kit, card, visibility: "private" })]) {
      // Every reply carries its sources and the status date, a share reply too.
      expect(out).toContain("Status as of 23 April 2020");
      const share = out.slice(out.indexOf("\nShare:\n") + 1).split("\n");
      expect(share.slice(0, 3)).toEqual(["Share:", kit.text, ""]);
      expect(share.slice(3)).toEqual(kit.links.map((l) => `${l.label}: ${l.url}`));
      expect(share[3]).toMatch(/^X: https:\/\/x\.com\/intent\/tweet\?/);
      expect(share.at(-1)).toMatch(/^E-mail: mailto:\?subject=/);
    }
  });

  it("points a card's reader to /share instead of printing the whole kit under it", () => {
    const profile = ilgarMammadov();
    const out = renderReply({
      kind: "card",
      card: buildCard(profile, campaign2016),
      share: buildShareKit(profile, campaign2016),
      visibility: "public",
    });
    expect(out.split("\n").at(-1)).toBe("#FreeToBeHome (2016) · Share this story: /share ilgar-mammadov");
    expect(out).not.toContain("x.com/intent");
  });

  it("numbers choices with their detail and the command to run", () => {
    const out = renderReply({
      kind: "choices",
      prompt: "Several people match. Which one?",
      choices: [
        { label: "Khalil Matouk", detail: "Syria · Disappeared", command: "prisoner", args: "khalil-matouk" },
        { label: "Ilgar Mammadov", detail: "", command: "/prisoner", args: "ilgar-mammadov" },
        { label: "Help", detail: "what the bot does", command: "help", args: "" },
      ],
      visibility: "public",
    });
    expect(out).toBe(
      [
        "Several people match. Which one?",
        "  1. Khalil Matouk — Syria · Disappeared",
        "     /prisoner khalil-matouk",
        "  2. Ilgar Mammadov",
        "     /prisoner ilgar-mammadov",
        "  3. Help — what the bot does",
        "     /help",
      ].join("\n"),
    );
  });

  it("prints text as is, and makes errors stand out", () => {
    expect(renderReply(reply.info("Subscribed: next post at 09:00."))).toBe(
      "Subscribed: next post at 09:00.",
    );
    expect(renderReply(reply.success("Done."))).toBe("Done.");
    expect(renderReply(reply.error("Only moderators can do that."))).toBe(
      "Error: Only moderators can do that.",
    );
  });

  it("strips terminal control sequences from profile text, and uses no colour itself", () => {
    const profile = ilgarMammadov({ displayName: "Ilgar\u001b[2J\u001b]0;pwned\u0007 Mammadov\r\u009b" });
    const out = renderReply({ kind: "card", card: buildCard(profile, campaign2016), visibility: "public" });
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(out.split("\n")[0]).toBe("Ilgar[2J]0;pwned Mammadov · Azerbaijan · İlqar Məmmədov");
  });
});
