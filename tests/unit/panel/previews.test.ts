/**
 * The profile page's previews: each drawn from its adapter's own payload as the platform looks, with the
 * platform's markup read (Discord markdown, Slack mrkdwn, Telegram's HTML subset) and everything else,
 * profile text holding `<script>` or markup-like text above all, escaped.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPost as discordPost } from "../../../platforms/discord/render.ts";
import { renderPost as slackPost } from "../../../platforms/slack/render.ts";
import { renderPost as telegramPost } from "../../../platforms/telegram/render.ts";
import { cardPreviews } from "../../../src/app-panel-previews.ts";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { translatorFor } from "../../../src/core/i18n/translator.ts";
import type { OutboundPost } from "../../../src/core/platform.ts";
import type { StoredProfile } from "../../../src/core/ports/catalog.ts";
import type { Profile } from "../../../src/core/profile.ts";
import { discordMarkdown, discordPreview } from "../../../src/panel/previews/discord.ts";
import { slackMrkdwn, slackPreview } from "../../../src/panel/previews/slack.ts";
import { telegramHtml, telegramPreview } from "../../../src/panel/previews/telegram.ts";
import { createPresenter } from "../../../src/presentation/presenter.ts";

const MARKUP = `<script>alert(1)</script><img src=x onerror=alert(2)> *not bold* _not it_ <b>not b</b> [x](javascript:alert(3)) <https://evil.example|click> &amp;`;

let post: OutboundPost;

beforeAll(async () => {
  // A sample profile with markup in its name, summary and sources' titles, carded by the presenter.
  const read = await readImportFiles([fileURLToPath(new URL("../../../data", import.meta.url))]);
  const base = read.profiles.find((p) => p.id === "narges-mohammadi")!;
  const profile: Profile = {
    ...base,
    displayName: `Name ${MARKUP}`,
    summary: { ...base.summary, text: `Summary ${MARKUP}` },
    sources: base.sources.map((s) => ({ ...s, title: `Source ${MARKUP}` })),
  };
  const stored = { profile } as StoredProfile;
  const campaign = read.campaigns.find((c) => c.id === profile.campaign)!;
  const presenter = createPresenter({ staleAfterDays: 36500, telegramBot: () => undefined });
  const tr = translatorFor("en");
  post = {
    kind: "daily",
    intro: `Intro ${MARKUP}`,
    language: "en",
    card: presenter.card(stored, campaign, "2026-12-07", tr),
    share: presenter.shareKit(stored, campaign, tr),
    buttons: presenter.buttons(stored, campaign, "2026-12-07", tr),
    idempotencyKey: "t",
  } as OutboundPost;
});

/** No element or attribute from the profile's text: only the previews' own tags. */
function expectInert(out: string) {
  expect(out).not.toMatch(/<script|<img|href="(javascript:|https:\/\/evil)/i);
  expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
}

describe("the platform previews", () => {
  it("draws every platform's card with the profile's markup as text", () => {
    for (const preview of cardPreviews) expectInert(preview.render(post).text);
    expect(discordPreview(discordPost(post)).text).toContain("*not bold* _not it_");
    expect(slackPreview(slackPost(post)).text).toContain("*not bold*");
    expect(telegramPreview(telegramPost(post)).text).toContain("&lt;b&gt;not b&lt;/b&gt;");
  });

  it("draws a Discord embed: its colour as an SVG fill, fields inline or not as the embed says, buttons", () => {
    const message = discordPost(post);
    const out = discordPreview(message).text;
    expect(out).toMatch(/<rect width="4" height="10" fill="#[0-9a-f]{6}"\/>/);
    const fields = message.embeds[0]?.fields ?? [];
    const inline = fields.find((f) => f.inline);
    const block = fields.find((f) => !f.inline);
    expect(out).toContain(`<div class="dc-field inline"><div class="dc-field-name">${inline?.name}</div>`);
    expect(out).toContain(`<div class="dc-field"><div class="dc-field-name">${block?.name}</div>`);
    expect(out).toMatch(/<span class="dc-button">[^<]+ ↗<\/span>/);
    expect(out).toContain('class="dc-footer"');
  });

  it("draws Slack's blocks: header, sections with fields, context, actions", () => {
    const out = slackPreview(slackPost(post)).text;
    for (const part of ["sl-header", "sl-fields", "sl-context", "sl-actions", "sl-button"])
      expect(out).toContain(`class="${part}"`);
  });

  it("reads Discord markdown: bold, italic, underline, code, masked links, backslash escapes", () => {
    expect(discordMarkdown("**b** *i* __u__ `c<` [t](https://x.org/?a=1&b=2) \\*lit\\* <x>").text).toBe(
      '<strong>b</strong> <em>i</em> <u>u</u> <code>c&lt;</code> <a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer">t</a> *lit* &lt;x&gt;',
    );
    expect(discordMarkdown("[t](javascript:alert(1))").text).not.toContain("<a");
  });

  it("reads Slack mrkdwn: bold, italic, strike, code, links, entities, and its zero-width escapes", () => {
    expect(slackMrkdwn("*b* _i_ ~s~ `c` <https://x.org/?a=1&amp;b=2|t &lt;3> &amp;").text).toBe(
      '<strong>b</strong> <em>i</em> <s>s</s> <code>c</code> <a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer">t &lt;3</a> &amp;',
    );
    expect(slackMrkdwn("\u200b*\u200bnot\u200b*\u200b <javascript:alert(1)|x>").text).toBe(
      "*not* &lt;javascript:alert(1)|x&gt;",
    );
  });

  it("keeps Telegram's HTML subset as its own tags and escapes every other tag and attribute", () => {
    const kept = telegramHtml(
      '<b>b</b> <i>i</i> <code>&lt;c&gt;</code> <a href="https://x.org/?a=1&amp;b=2">t</a>',
    );
    expect(kept.text).toBe(
      '<strong>b</strong> <em>i</em> <code>&lt;c&gt;</code> <a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer">t</a>',
    );
    expect(telegramHtml('<b onclick="x">y</b> <a href="javascript:alert(1)">z</a> <i>open').text).toBe(
      "&lt;b onclick=&quot;x&quot;&gt;y&lt;/b&gt; <span>z</span> <em>open</em>",
    );
    const keyboard = telegramPreview({
      text: "x",
      reply_markup: {
        inline_keyboard: [
          [
            { text: "<X>", url: "https://x.org" },
            { text: "Y", url: "tg://bad" },
          ],
        ],
      },
    }).text;
    expect(keyboard).toContain(
      '<a class="tg-button" href="https://x.org" rel="noopener noreferrer">&lt;X&gt;</a>',
    );
    expect(keyboard).toContain('<span class="tg-button">Y</span>');
  });
});
