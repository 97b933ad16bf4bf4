/**
 * Replies as plain terminal text. No colours and no wrapping: the output is also piped into files and
 * other programs, and a terminal wraps long lines itself.
 */
import type { Card, Choice, Reply, ShareKit } from "../../src/core/reply.ts";

/**
 * Profile text comes from data files: a stray escape sequence could rewrite the terminal or hide lines, and a
 * carriage return could overwrite one. Line feeds and tabs are kept; C0 and C1 controls go.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

function renderCard(card: Card): string[] {
  const lines = [card.title, card.subtitle];
  if (card.notice) lines.push(`Note: ${card.notice}`);
  lines.push("", card.summary, "");
  for (const field of card.fields) lines.push(`${field.label}: ${field.value}`);
  if (card.photo) lines.push(`Photo: ${card.photo.url} (${card.photo.alt}; credit: ${card.photo.credit})`);
  if (card.familyStory) lines.push("", card.familyStory);
  if (card.quote) {
    const translated = card.quote.isTranslation ? " (translated)" : "";
    lines.push("", `"${card.quote.text}"`, `  — ${card.quote.attribution}${translated}`);
  }
  lines.push("", "Sources:");
  card.sources.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.title} — ${s.publisher} — ${s.url}`);
  });
  lines.push("", card.statusAsOf, `${card.hashtag} · ${card.campaign.name}: ${card.campaign.url}`);
  return lines;
}

function renderShare(kit: ShareKit): string[] {
  return ["Share:", kit.text, "", ...kit.links.map((link) => `${link.label}: ${link.url}`)];
}

/** `/prisoner khalil-matouk`: what to type to pick this choice. */
function commandLine(choice: Choice): string {
  const name = choice.command.startsWith("/") ? choice.command : `/${choice.command}`;
  return choice.args.trim() === "" ? name : `${name} ${choice.args}`;
}

function renderChoices(prompt: string, choices: readonly Choice[]): string[] {
  const lines = [prompt];
  choices.forEach((choice, i) => {
    const detail = choice.detail ? ` — ${choice.detail}` : "";
    lines.push(`  ${i + 1}. ${choice.label}${detail}`, `     ${commandLine(choice)}`);
  });
  return lines;
}

function render(reply: Reply): string[] {
  switch (reply.kind) {
    case "text":
      return [reply.tone === "error" ? `Error: ${reply.text}` : reply.text];
    case "card": {
      const intro = reply.intro ? [reply.intro, ""] : [];
      // The full kit is one command away; under every card it would drown the card itself.
      const share = reply.share ? ["", `Share this story: /share ${reply.card.profileId}`] : [];
      return [...intro, ...renderCard(reply.card), ...share];
    }
    case "choices":
      return renderChoices(reply.prompt, reply.choices);
    case "share":
      // The card comes too: every reply shows its sources and the date its status is known as of.
      return [...renderCard(reply.card), "", ...renderShare(reply.kit)];
  }
}

export function renderReply(reply: Reply): string {
  return printable(render(reply).join("\n"));
}
