/**
 * Fuzzing every command, subcommand and option with JavaScript property names ("constructor",
 * "__proto__", …): the words that break code using typed text as a key into a plain object. A command
 * built here is a registry command with valid arguments (some left out) and one to three property names
 * put in: as an option's value, as the subcommand, as a further option's name or as words after the rest;
 * or an unknown command named like a property. `expectChannelUnharmed` runs one and checks that nothing
 * failed inside, that a refused command stored nothing, and that /today still works in the channel.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { commands } from "../../../commands/index.ts";
import type { CommandInvocation } from "../../../src/core/command.ts";
import { canonicalTimeZone, TIME_OF_DAY } from "../../../src/core/time.ts";
import { type TestBot, textOf } from "./test-bot.ts";

export const PROPERTY_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
] as const;

/**
 * A property name as someone might type it, also in capitals or capitalised: code that lower-cases a word
 * before the lookup ("Constructor" → "constructor") meets it too.
 */
export const propertyName = fc.constantFrom(
  ...new Set(
    PROPERTY_NAMES.flatMap((name) => [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]),
  ),
);

/** Values each option accepts, so a property name also sits beside otherwise valid arguments. */
const VALID_VALUES: ReadonlyMap<string, readonly string[]> = new Map([
  ["time", ["09:00", "18:30"]],
  ["timezone", ["UTC", "Asia/Baku"]],
  ["campaign", ["free-to-be-home-2016"]],
  ["name", ["ilgar-mammadov", "Khalil Matouk"]],
  ["date", ["2026-12-10"]],
  ["scope", ["channel", "community"]],
  ["id", ["1"]],
]);

export interface FuzzCommand {
  command: string;
  /** The subcommand (of a command that has them); the first one is implied in typed text. */
  subcommand?: string;
  /** Option name and value, in the command's order; names and values may be property names. */
  options: Array<[name: string, value: string]>;
  /** Words typed after the arguments. */
  extraWords?: string;
}

/** A registry command with valid arguments, or some left out: the ground property names are put into. */
interface ValidCommand {
  command: string;
  subcommand: string | undefined;
  options: Array<[name: string, value: string | undefined]>;
}

const validOrNone = (option: string) =>
  fc.option(fc.constantFrom(...(VALID_VALUES.get(option) ?? ["x"])), { nil: undefined, freq: 2 });

const validCommand: fc.Arbitrary<ValidCommand> = fc.oneof(
  ...commands.map((definition) => {
    const subcommands = definition.subcommands ?? [];
    const sub =
      subcommands.length === 0 ? fc.constant(undefined) : fc.constantFrom(...subcommands.map((s) => s.name));
    return sub.chain((subcommand) => {
      const names = (subcommands.find((s) => s.name === subcommand)?.options ?? definition.options).map(
        (o) => o.name,
      );
      return fc.tuple(...names.map(validOrNone)).map(
        (values): ValidCommand => ({
          command: definition.name,
          subcommand,
          options: names.map((name, i) => [name, values[i]]),
        }),
      );
    });
  }),
);

/** Where a property name goes: an option's value (most often), the subcommand, an option's name, a word. */
const SPOTS = ["value", "subcommand", "option name", "word"] as const;
const spot = fc.tuple(
  fc.oneof({ arbitrary: fc.constant(SPOTS[0]), weight: 3 }, fc.constantFrom(...SPOTS.slice(1))),
  fc.nat(),
  propertyName,
);

function withPropertyNames(
  base: ValidCommand,
  spots: Array<[(typeof SPOTS)[number], number, string]>,
): FuzzCommand {
  const options = base.options.map(([name, value]): [string, string | undefined] => [name, value]);
  let subcommand = base.subcommand;
  const words: string[] = [];
  for (const [where, index, name] of spots) {
    const slot = options[index % Math.max(1, options.length)];
    if (where === "value" && slot) slot[1] = name;
    else if (where === "subcommand" && subcommand !== undefined) subcommand = name;
    else if (where === "option name") options.push([name, "x"]);
    else words.push(name);
  }
  return {
    command: base.command,
    ...(subcommand === undefined ? {} : { subcommand }),
    options: options.filter((option): option is [string, string] => option[1] !== undefined),
    ...(words.length === 0 ? {} : { extraWords: words.join(" ") }),
  };
}

/** Any command of the registry with one to three property names in it, or a command named like a property. */
const fuzzCommand: fc.Arbitrary<FuzzCommand> = fc.oneof(
  {
    arbitrary: fc
      .tuple(validCommand, fc.array(spot, { minLength: 1, maxLength: 3 }))
      .map(([base, spots]) => withPropertyNames(base, spots)),
    weight: 9,
  },
  { arbitrary: propertyName.map((command): FuzzCommand => ({ command, options: [] })), weight: 1 },
);

/** Runs enough for a one-word mistake in one option of one command to come up. */
const FUZZ_RUNS = 300;

/** Commands that broke before (issue 14), tried first by every property. */
const KNOWN_BREAKERS: FuzzCommand[] = [
  {
    command: "subscribe",
    options: [
      ["time", "09:00"],
      ["timezone", "UTC"],
      ["campaign", "constructor"],
    ],
  },
  { command: "subscribe", options: [["timezone", "__proto__"]] },
  { command: "subscribe", options: [["timezone", "Constructor"]] },
];

/** Checks `check` on generated commands (after the ones that broke before). */
export async function forEveryFuzzCommand(check: (command: FuzzCommand) => Promise<void>): Promise<void> {
  await fc.assert(fc.asyncProperty(fuzzCommand, check), {
    examples: KNOWN_BREAKERS.map((command) => [command]),
    numRuns: FUZZ_RUNS,
  });
}

/** `/schedule --community`: options typed as a flag are written `--value`; the default one is left out. */
const FLAG_OPTIONS: ReadonlyMap<string, string> = new Map([["scope", "channel"]]);

/** The words typed after the command name (console, Slack, Telegram, a choice button). */
export function typedText(c: FuzzCommand): string {
  const definition = commands.find((d) => d.name === c.command);
  const words: string[] = [];
  if (c.subcommand !== undefined && c.subcommand !== definition?.subcommands?.[0]?.name) {
    words.push(c.subcommand);
  }
  for (const [name, value] of c.options) {
    const implied = FLAG_OPTIONS.get(name);
    if (implied === undefined) words.push(value);
    else if (value !== implied) words.push(`--${value}`);
  }
  if (c.extraWords !== undefined) words.push(c.extraWords);
  return words.join(" ");
}

/** The command as a platform that splits arguments sends it (the shape Discord's parser builds). */
export function splitOptions(c: FuzzCommand): Record<string, string> {
  return Object.fromEntries([
    ...(c.subcommand === undefined ? [] : [["subcommand", c.subcommand]]),
    ...c.options,
  ]);
}

async function storedFor(bot: TestBot, invocation: CommandInvocation) {
  const { channel, community } = invocation;
  return {
    subscription: await bot.repositories.subscriptions.findByChannel(channel),
    spotlights: await bot.repositories.spotlights.listUpcoming(channel, community, "2000-01-01"),
    audited: (await bot.repositories.audit.list()).length,
  };
}

/**
 * Dispatches a parsed invocation (none: the platform ignored the input) and checks the channel is as
 * good as before: no internal error, nothing stored by a refused command, only valid settings stored,
 * and /today still answers with a card.
 */
export async function expectChannelUnharmed(
  bot: TestBot,
  invocation: CommandInvocation | undefined,
  channelOf: CommandInvocation,
): Promise<void> {
  const before = await storedFor(bot, channelOf);
  const errorsBefore = bot.logger.records.filter((r) => r.level === "error").length;
  const answer = invocation && (await bot.dispatch(invocation));
  const said = answer && textOf(answer);
  expect(said ?? "", "an internal error").not.toContain("went wrong");
  expect(bot.logger.records.filter((r) => r.level === "error").slice(errorsBefore)).toEqual([]);
  const after = await storedFor(bot, channelOf);
  if (!answer || (answer.kind === "text" && answer.tone === "error")) {
    expect(after, `stored after "${said}"`).toEqual(before);
  }
  if (after.subscription) {
    expect(canonicalTimeZone(after.subscription.timezone)).toBe(after.subscription.timezone);
    expect(after.subscription.postTime).toMatch(TIME_OF_DAY);
  }
  const today = await bot.dispatch({ ...channelOf, command: "today", text: "", options: undefined });
  expect(today.kind, `/today after "${said}": ${textOf(today)}`).toBe("card");
}
