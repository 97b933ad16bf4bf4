/**
 * `/subscribe`'s post options: `mention <role>|none`, `silent on|off`, `crosspost on|off`,
 * `previews on|off`. Read from typed words or a platform's split options, checked against what the
 * platform honours (core/post-options.ts), and said back, one line per option the platform has.
 */
import type { Platform } from "../src/core/channel.ts";
import { UserError } from "../src/core/errors.ts";
import type { Translator } from "../src/core/i18n/translator.ts";
import {
  type PostOptionName,
  type PostOptions,
  type PostOptionsChange,
  postOptionsOn,
  roleIdOf,
  supportsPostOption,
} from "../src/core/post-options.ts";

/** The word a moderator types for each option (and the slash option's name). */
export const OPTION_WORDS: ReadonlyArray<readonly [word: string, option: PostOptionName]> = [
  ["mention", "mentionRole"],
  ["silent", "silent"],
  ["crosspost", "crosspost"],
  ["previews", "linkPreviews"],
];

/**
 * Takes "<word> <value>" out of `tokens` (the word in any case) and gives the value: "" when the word ends
 * the text, undefined when the word is not there. Named, as "on" and "off" could pass for campaign ids.
 */
export function takeNamed(tokens: string[], word: string): string | undefined {
  const at = tokens.findIndex((t) => t.toLowerCase() === word);
  return at >= 0 ? (tokens.splice(at, 2)[1] ?? "") : undefined;
}

function onOff(word: string, typed: string): boolean {
  const value = typed.trim().toLowerCase();
  if (value === "on") return true;
  if (value === "off") return false;
  throw new UserError({ key: "postOptions.onOff", values: { option: word, typed } }, "INVALID_ARGUMENTS");
}

function role(typed: string): string | null {
  // "mention" alone names no role: refused rather than read as "none".
  const id = typed.trim() === "" ? undefined : roleIdOf(typed);
  if (id === undefined) {
    throw new UserError(
      { key: "postOptions.roleInvalid", values: { typed: typed.trim() } },
      "INVALID_ARGUMENTS",
    );
  }
  return id;
}

/**
 * The options change the moderator asked for, refused whole (before anything changes) when an option is
 * not honoured on this platform or its value is not allowed. `args` holds the typed value per word.
 */
export function postOptionsChange(
  args: Readonly<Record<string, string | undefined>>,
  platform: Platform,
): Omit<PostOptionsChange, "thread"> {
  const change: Omit<PostOptionsChange, "thread"> = {};
  for (const [word, option] of OPTION_WORDS) {
    const typed = args[word];
    if (typed === undefined) continue;
    if (!supportsPostOption(platform, option)) {
      const here = postOptionsOn(platform).map((o) => OPTION_WORDS.find(([, name]) => name === o)![0]);
      const values = { option: word, platform, options: here.join(", ") || "-", count: here.length };
      throw new UserError({ key: "postOptions.notHere", values }, "INVALID_ARGUMENTS");
    }
    if (option === "mentionRole") change.mentionRole = role(typed);
    else change[option] = onOff(word, typed);
  }
  return change;
}

/** One line per option this platform honours, and where the posts go when that is a topic. */
export function postOptionLines(options: PostOptions, platform: Platform, tr: Translator): string[] {
  const lines = postOptionsOn(platform).map((option) => {
    switch (option) {
      case "mentionRole":
        return options.mentionRole
          ? tr.t("postOptions.mentionRole", { role: options.mentionRole })
          : tr.t("postOptions.mentionNone");
      case "silent":
        return tr.t(options.silent ? "postOptions.silentOn" : "postOptions.silentOff");
      case "crosspost":
        return tr.t(options.crosspost ? "postOptions.crosspostOn" : "postOptions.crosspostOff");
      case "linkPreviews":
        return tr.t(options.linkPreviews ? "postOptions.previewsOn" : "postOptions.previewsOff");
    }
  });
  return options.thread ? [...lines, tr.t("postOptions.thread")] : lines;
}
