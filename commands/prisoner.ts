/** /prisoner <name>: a profile card, found by any name, spelling or script. */
import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { cardReply, todayHere, unresolvedLookupReply } from "./shared.ts";

export const prisoner = defineCommand({
  name: "prisoner",
  description: "Look up a prisoner of conscience and their family by name",
  usage: "/prisoner <name>",
  moderatorOnly: false,
  options: [
    {
      name: "name",
      description: "Any name or spelling, e.g. Mammadov",
      required: true,
      autocomplete: "profile",
    },
  ],
  parseText: (text) => ({ name: text.trim() }),
  args: z.object({
    name: z
      .string({ error: "commands.whichPrisoner" })
      .trim()
      .min(1, { error: "commands.whichPrisoner" })
      .max(200, { error: "commands.nameTooLong" }),
  }),
  async run({ args, services, invocation, tr }) {
    const [lookup, today] = await Promise.all([
      services.catalog.lookup(args.name),
      todayHere(services, invocation.channel),
    ]);
    if (lookup.kind === "found") return cardReply(services, tr, lookup.profile, today);
    return unresolvedLookupReply({ services, tr, today }, args.name, lookup, "prisoner");
  },
});
