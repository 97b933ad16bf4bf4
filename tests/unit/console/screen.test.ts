/**
 * The console's replies on a terminal: every sample card fits one screen at 80 columns with its name on the
 * first line and its status date once, text wraps to the width, and colour comes only with a colour style.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReply } from "../../../platforms/console/render.ts";
import { colourStyle } from "../../../platforms/console/style.ts";
import { displayWidth, rowsAt, wrapLine } from "../../../platforms/console/render-text-layout.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import type { Campaign, Profile } from "../../../src/core/profile.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { buildCard } from "../../../src/presentation/card.ts";
import { buildShareKit } from "../../../src/presentation/share.ts";
import { campaign2016, currentCampaign, ilgarMammadov } from "../presentation/profiles.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const SGR = /\u001b\[[0-9;]*m/;

/** Each sample profile's card as /prisoner answers it (with the pointer to /share). */
let cards: Array<{ id: string; name: string; reply: Reply }> = [];

beforeAll(async () => {
  const read = await readImportFiles([SAMPLE]);
  expect(read.problems).toEqual([]);
  const campaigns = new Map(read.campaigns.map((c) => [c.id, c as Campaign]));
  cards = read.profiles.map((p) => {
    const profile = p as Profile;
    const campaign = campaigns.get(profile.campaign)!;
    const card = buildCard(profile, campaign);
    const share = buildShareKit(profile, campaign);
    return {
      id: profile.id,
      name: profile.displayName,
      reply: { kind: "card", card, share, visibility: "public" },
    };
  });
  expect(cards.length).toBeGreaterThanOrEqual(10);
});

describe("a card on an 80-column terminal", () => {
  it("fits 30 rows for every sample profile, counting the rows the terminal folds long links into", () => {
    const rows = Object.fromEntries(
      cards.map((c) => [c.id, rowsAt(renderReply(c.reply, { width: 80 }), 80)]),
    );
    for (const [id, n] of Object.entries(rows)) expect({ id, rows: n <= 30 }).toEqual({ id, rows: true });
  });

  it("keeps its blank separators when the window is tall enough, and drops them to fit a short one", () => {
    const longest = cards.find((c) => c.id === "ilgar-mammadov")!.reply;
    const tall = renderReply(longest, { width: 80, height: 60 });
    const short = renderReply(longest, { width: 80, height: 24 });
    expect(tall.split("\n").filter((l) => l === "").length).toBeGreaterThanOrEqual(3);
    expect(rowsAt(short, 80)).toBeLessThan(rowsAt(tall, 80));
    expect(short.replaceAll("\n", "").replaceAll(" ", "")).toBe(
      tall.replaceAll("\n", "").replaceAll(" ", ""),
    );
  });

  it("opens with the person's name and says the status date exactly once", () => {
    for (const { id, name, reply } of cards) {
      for (const options of [{}, { width: 80 }, { width: 40, height: 100 }]) {
        const out = renderReply(reply, options);
        expect({ id, first: out.split("\n")[0]!.startsWith(name) }).toEqual({ id, first: true });
        // "Status as of": profile text itself may say "as of" ("disappeared as of September 2023").
        expect({ id, asOf: out.match(/status as of/gi)?.length }).toEqual({ id, asOf: 1 });
      }
    }
    const live = renderReply({
      kind: "card",
      card: buildCard(ilgarMammadov(), currentCampaign),
      visibility: "public",
    });
    expect(live.match(/Status as of/g)).toHaveLength(1);
    const past = renderReply({
      kind: "card",
      card: buildCard(ilgarMammadov(), campaign2016),
      visibility: "public",
    });
    expect(past.match(/Status as of/g)).toHaveLength(1);
  });
});

describe("wrapping", () => {
  it("breaks between words within the width, with a hanging indent, and keeps a long link whole", () => {
    const link = `https://example.org/${"a".repeat(60)}`;
    expect(wrapLine(`Status: one two three four five six seven eight ${link} nine`, 24, 2)).toEqual([
      "Status: one two three",
      "  four five six seven",
      `  eight ${link}`,
      "  nine",
    ]);
    expect(wrapLine("short", 24)).toEqual(["short"]);
  });

  it("wraps every reply line to the terminal's width, except a link wider than a row", () => {
    for (const width of [40, 60, 100]) {
      for (const { reply } of cards) {
        for (const row of renderReply(reply, { width }).split("\n")) {
          if (displayWidth(row) > width) expect(row).toMatch(/^\s*(\S+ )*https?:\/\/\S+$/);
        }
      }
    }
  });

  it("counts wide letters as two columns and marks as none", () => {
    expect(displayWidth("伊力哈木")).toBe(8);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(rowsAt("x".repeat(81), 80)).toBe(2);
  });

  it("leaves piped output unwrapped", () => {
    const reply = cards.find((c) => c.id === "ilgar-mammadov")!.reply;
    expect(
      renderReply(reply)
        .split("\n")
        .some((l) => l.length > 200),
    ).toBe(true);
  });
});

describe("colour", () => {
  it("comes only with the colour style, and the text under it is the same", () => {
    for (const { reply } of cards) {
      const plain = renderReply(reply, { width: 80 });
      const coloured = renderReply(reply, { width: 80, style: colourStyle });
      expect(plain).not.toMatch(SGR);
      expect(renderReply(reply)).not.toMatch(SGR);
      expect(coloured).toMatch(SGR);
      expect(coloured.replace(new RegExp(SGR.source, "g"), "")).toBe(plain);
    }
  });

  it("never lets profile text carry its own escape sequences through", () => {
    const profile = ilgarMammadov({ displayName: "Ilgar\u001b[31m Mammadov" });
    const out = renderReply(
      { kind: "card", card: buildCard(profile, campaign2016), visibility: "public" },
      { width: 80, style: colourStyle },
    );
    expect(out.split("\n")[0]).toBe(
      "\u001b[1mIlgar[31m Mammadov\u001b[22m\u001b[2m · Azerbaijan · İlqar Məmmədov\u001b[22m",
    );
  });
});
