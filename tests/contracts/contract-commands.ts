/**
 * The commands the contract runs on every platform, in an order that makes each one do its work
 * (subscribe before schedule and unsubscribe), with the longest and most hostile answers the core gives:
 * the profile at the schema's limits as a card and a share kit, a list of choices, an error, /help.
 * `text` is what is typed on text platforms; `options` and `subcommand` are Discord's form of the same.
 */
import { LIMITS_PROFILE } from "./contract-bot.ts";

export interface ContractCommand {
  name: string;
  text: string;
  options?: Record<string, string>;
  subcommand?: string;
}

export const COMMAND_CASES: readonly ContractCommand[] = [
  { name: "help", text: "" },
  { name: "prisoner", text: LIMITS_PROFILE, options: { name: LIMITS_PROFILE } },
  // Several people match: a list of choices.
  { name: "prisoner", text: "mo", options: { name: "mo" } },
  { name: "prisoner", text: "nobody-by-this-name", options: { name: "nobody-by-this-name" } },
  { name: "share", text: LIMITS_PROFILE, options: { name: LIMITS_PROFILE } },
  // Twenty actions at their longest (the profile's and its campaign's), then today's family, which has none.
  { name: "act", text: LIMITS_PROFILE, options: { name: LIMITS_PROFILE } },
  { name: "act", text: "" },
  { name: "subscribe", text: "", options: {} },
  { name: "today", text: "" },
  {
    name: "schedule",
    text: `${LIMITS_PROFILE} 2026-12-10`,
    subcommand: "add",
    options: { name: LIMITS_PROFILE, date: "2026-12-10" },
  },
  { name: "schedule", text: "list", subcommand: "list", options: {} },
  { name: "unsubscribe", text: "", options: {} },
  { name: "language", text: "", options: {} },
  // Set in the longest of the languages' names and scripts, then back: nothing after it reads Persian.
  { name: "language", text: "fa", options: { language: "fa" } },
  { name: "language", text: "default", options: { language: "default" } },
];

/** How the case reads in a failure message. */
export function commandLine(command: ContractCommand): string {
  return `/${command.name} ${command.text}`.trim();
}
