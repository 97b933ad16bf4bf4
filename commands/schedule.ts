/**
 * /schedule <name> <date> [time] [--community] [--replace], /schedule list, /schedule cancel <number>:
 * spotlights that replace the rotation in this channel (or the whole community) on a date, one per date;
 * --replace puts a new one in place of the one standing.
 */
import { defineCommand } from "../src/core/command.ts";
import { isDateToken, isTimeToken } from "./arguments.ts";
import { addSpotlight, cancelSpotlightHere, scheduleArgs } from "./schedule-actions.ts";
import { listSpotlights } from "./schedule-list.ts";

export const schedule = defineCommand({
  name: "schedule",
  description: "Spotlight a prisoner here on a date (one per date), list or cancel spotlights (moderators)",
  usage:
    "/schedule <name> <YYYY-MM-DD> [HH:MM] [--community] [--replace] · /schedule list · /schedule cancel <number>",
  moderatorOnly: true,
  options: [],
  subcommands: [
    {
      name: "add",
      description: "Spotlight a prisoner on a date (one per date; replace: yes swaps it)",
      options: [
        { name: "name", description: "The prisoner's name", required: true, autocomplete: "profile" },
        { name: "date", description: "Local date, YYYY-MM-DD", required: true },
        { name: "time", description: "Local time, HH:MM (default: the subscription's)", required: false },
        {
          name: "scope",
          description: "channel (default) or community (every channel of this server or workspace)",
          required: false,
        },
        {
          name: "replace",
          description: "yes: cancel the spotlight already set for that date and put this one in its place",
          required: false,
        },
      ],
    },
    { name: "list", description: "Upcoming spotlights here", options: [] },
    {
      name: "cancel",
      description: "Cancel a spotlight",
      options: [
        { name: "number", description: "The spotlight's number, as /schedule list shows it", required: true },
      ],
    },
  ],
  parseText(text) {
    const tokens = text.trim().split(/\s+/).filter(Boolean);
    const [first, ...rest] = tokens;
    if (first?.toLowerCase() === "list") return { subcommand: "list", extra: rest.join(" ") || undefined };
    if (first?.toLowerCase() === "cancel")
      return { subcommand: "cancel", number: rest.join(" ") || undefined };
    const args: Record<string, string | undefined> = { subcommand: "add" };
    const words = tokens.filter((t) => {
      if (t === "--community") args.scope = "community";
      else if (t === "--replace") args.replace = "yes";
      // No name starts with "--": a mistyped option must not end up in the name searched for.
      else if (t.startsWith("--") && args.unknownOption === undefined) args.unknownOption = t;
      else if (isDateToken(t) && args.date === undefined) args.date = t;
      else if (isTimeToken(t) && args.time === undefined) args.time = t;
      else return true;
      return false;
    });
    args.name = words.join(" ") || undefined;
    return args;
  },
  args: scheduleArgs,
  async run(ctx) {
    switch (ctx.args.subcommand) {
      case "add":
        return addSpotlight(ctx, ctx.args);
      case "list":
        return listSpotlights(ctx);
      case "cancel":
        return cancelSpotlightHere(ctx, ctx.args.number);
    }
  },
});
