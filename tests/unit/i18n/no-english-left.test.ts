/**
 * No hard-coded English for users: every sentence a platform, command, delivery or presentation module
 * shows comes from the catalogs (src/core/i18n/catalogs), in the reader's or channel's language. A new
 * literal that reads like an English sentence fails here unless it is for logs or developers (a logger
 * call, a thrown error), or is listed below with the reason it may stay English.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { englishLiterals } from "./english-literals.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SCANNED = ["platforms", "commands", "src/delivery", "src/presentation"];

/** What may stay English, by file and the literal's start (`${…}` reads as "x"), each with its reason. */
const ALLOWED: ReadonlyArray<{ file: string; starts: string; reason: string }> = [
  {
    file: "platforms/discord/commands.ts",
    starts: "x: Discord has no locale",
    reason: "a problem with the command definitions, thrown to the operator by register-commands",
  },
  {
    file: "platforms/slack/manifest.ts",
    starts: "Keeps the families",
    reason: "the Slack app manifest an operator installs: one description, not said to a reader",
  },
  {
    file: "src/delivery/report.ts",
    starts: "Delivery pass as of",
    reason: "the operator's pass report on the command line, which stays English (I18N.md)",
  },
  ...["Telegram server error", "Telegram error"].map((starts) => ({
    file: "platforms/telegram/send-errors.ts",
    starts,
    reason: "a failed send's reason for the logs and the operator's pass report",
  })),
];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** A command's `description` is the English source of its menu entry, said through the `menu` catalog. */
const menuSource = (file: string, property: string | undefined) =>
  file.startsWith("commands/") && property === "description";

function scan(file: string, source: string) {
  return englishLiterals(file, source, ({ property }) => menuSource(file, property)).filter(
    (found) => !ALLOWED.some((a) => a.file === file && found.text.trimStart().startsWith(a.starts)),
  );
}

describe("English left in what users see", () => {
  it("none in platforms, commands, delivery and presentation beyond the allow-list", () => {
    const all = SCANNED.flatMap(files).map((f) => relative(ROOT, join(ROOT, f)));
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap((file) => scan(file, readFileSync(join(ROOT, file), "utf8")));
    expect(found.map((f) => `${f.file}:${f.line}: ${f.text.slice(0, 80)}`)).toEqual([]);
  });

  it("catches a hard-coded English reply, and not a log line, a thrown error or a comment", () => {
    const source = [
      'export const answer = () => reply.error("Something went wrong, try again.");',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source for the scanner to read
      "export const card = (name: string) => `The spotlight of ${name} is cancelled.`;",
      'logger.warn({ id }, "Could not send the post");',
      'throw new Error("This should never happen");',
      "// This comment is read by nobody",
    ].join("\n");
    expect(scan("platforms/example/wiring.ts", source).map((f) => f.line)).toEqual([1, 2]);
  });

  it("lets every allow-list entry still match something, so none outlives its reason", () => {
    const used = ALLOWED.filter(({ file, starts }) =>
      englishLiterals(file, readFileSync(join(ROOT, file), "utf8")).some((f) =>
        f.text.trimStart().startsWith(starts),
      ),
    );
    expect(used).toEqual(ALLOWED);
  });
});
