/** What /schedule add and cancel do (list: schedule-list.ts). */
import { z } from "zod";
import { actorOf } from "../src/core/actor.ts";
import { type ChannelClock, readChannelClock } from "../src/core/channel-clock.ts";
import type { CommandContext } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { schemaMessage } from "../src/core/i18n/schema-message.ts";
import type { Translator } from "../src/core/i18n/translator.ts";
import type { Reply } from "../src/core/reply.ts";
import { reply } from "../src/core/reply.ts";
import { cancelSpotlight, scheduleSpotlight } from "../src/core/spotlight-scheduling.ts";
import type { Subscription } from "../src/core/services.ts";
import { calendarDate, timeOfDay } from "./arguments.ts";
import {
  byPlace,
  cancelCommand,
  postTimeOf,
  precedenceNotes,
  replacedNote,
  spotlightName,
  takenMessage,
} from "./schedule-notes.ts";
import { unresolvedLookupReply } from "./shared.ts";

/** The three forms of /schedule, named in the messages that ask for a missing argument. */
const FORMS = {
  add: "/schedule <name> <YYYY-MM-DD> [HH:MM] [--community] [--replace]",
  list: "/schedule list",
  cancel: "/schedule cancel <number>",
};

export const scheduleArgs = z.discriminatedUnion("subcommand", [
  z.object({
    subcommand: z.literal("add"),
    name: z
      .string({ error: schemaMessage("schedule.whichPrisoner", FORMS) })
      .trim()
      .min(1, { error: schemaMessage("schedule.whichPrisoner", FORMS) })
      .max(200, { error: "commands.nameTooLong" }),
    date: calendarDate(schemaMessage("schedule.whichDate", FORMS)),
    time: timeOfDay.optional(),
    scope: z.enum(["channel", "community"], { error: "schedule.scopeInvalid" }).default("channel"),
    /** Typed as --replace, or Discord's replace option: cancel the spotlight standing on that date. */
    replace: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["yes", "no"], { error: "schedule.replaceInvalid" }))
      .optional()
      .transform((v) => v === "yes"),
    /** A typed --word other than --community and --replace, see parseText. */
    unknownOption: z
      .undefined({
        error: (issue) => schemaMessage("schedule.unknownOption", { option: String(issue.input) }),
      })
      .optional(),
  }),
  z.object({
    subcommand: z.literal("list"),
    extra: z.undefined({ error: "schedule.listExtra" }).optional(),
  }),
  z.object({
    subcommand: z.literal("cancel"),
    number: z
      .string({ error: "schedule.whichSpotlight" })
      .trim()
      .regex(/^#?\d+$/, { error: "schedule.spotlightNumber" }),
  }),
]);
type ScheduleArgs = z.infer<typeof scheduleArgs>;
type Ctx = CommandContext<ScheduleArgs>;

/**
 * A community-wide spotlight changes what every channel shows, so it needs a moderator of the whole
 * community (on Discord, Manage Channels can be granted for one channel only).
 */
async function assertCommunityModerator(invocation: Ctx["invocation"]): Promise<void> {
  const caller = invocation.caller;
  const allowed = caller.isCommunityModerator
    ? await caller.isCommunityModerator()
    : await caller.isModerator();
  if (!allowed) {
    const key = invocation.privateChat
      ? "schedule.communityModeratorsOnlyChat"
      : "schedule.communityModeratorsOnlyChannel";
    throw new UserError({ key }, "NOT_A_MODERATOR");
  }
}

/**
 * A channel gets one post per local date: a spotlight for today still shows in /today, but it is not
 * posted where today's post is already settled, or (without a subscription) once its time has passed.
 * Said plainly, so nobody waits for a post that will not come.
 */
function todayNote(
  services: Ctx["services"],
  tr: Translator,
  args: Extract<ScheduleArgs, { subcommand: "add" }>,
  where: { subscription: Subscription | undefined; clock: ChannelClock },
): string | undefined {
  const { clock } = where;
  if (args.date !== clock.today) return undefined;
  const settled = where.subscription?.plannedThrough;
  if (settled !== undefined && settled >= args.date) {
    return tr.t(args.scope === "channel" ? "schedule.todayPostedChannel" : "schedule.todayPostedCommunity");
  }
  const time = args.time ?? where.subscription?.postTime ?? services.defaults.postTime;
  if (!where.subscription && clock.at(args.date, time) < clock.now) {
    return tr.t("schedule.todayTimePassed", { time, zone: clock.zone });
  }
  return undefined;
}

export async function addSpotlight(
  ctx: Ctx,
  args: Extract<ScheduleArgs, { subcommand: "add" }>,
): Promise<Reply> {
  const { services, invocation, tr } = ctx;
  const { date } = args;
  if (args.scope === "community") await assertCommunityModerator(invocation);
  const lookup = await services.catalog.lookup(args.name);
  if (lookup.kind !== "found") {
    const { clock } = await readChannelClock(services, invocation.channel);
    const options = [
      args.scope === "community" ? "--community" : undefined,
      args.replace ? "--replace" : undefined,
    ];
    const rest = [date, args.time, ...options].filter(Boolean).join(" ");
    return unresolvedLookupReply({ services, tr, today: clock.today }, args.name, lookup, "schedule", rest);
  }
  const profile = lookup.profile.profile;
  const outcome = await scheduleSpotlight(services, tr, {
    profile: lookup.profile,
    scope: args.scope,
    channel: invocation.channel,
    community: invocation.community,
    localDate: date,
    ...(args.time ? { localTime: args.time } : {}),
    replace: args.replace,
    actor: actorOf(invocation),
    privateChat: invocation.privateChat,
  });
  const { subscription, clock } = outcome;
  if (outcome.kind === "taken") {
    const input = { standing: outcome.standing, wanted: outcome.wanted, wantedName: profile.displayName };
    // Already in the reader's language: it names the standing spotlight, looked up here.
    const message = await takenMessage(services, tr, input, { invocation, subscription });
    throw new UserError(message, "SPOTLIGHT_DATE_TAKEN");
  }
  const { spotlight } = outcome;
  const scheduled = tr.t(
    byPlace(spotlight, invocation, {
      channel: "schedule.scheduledChannel",
      chat: "schedule.scheduledChat",
      community: "schedule.scheduledCommunity",
    }),
    { name: profile.displayName, date: tr.date(date), ...postTimeOf(services, spotlight, subscription) },
  );
  const sentences = [
    scheduled,
    await replacedNote(services, tr, outcome.replaced, subscription),
    tr.t("schedule.replacesRotation"),
    ...(await precedenceNotes(services, tr, spotlight, invocation)),
    todayNote(services, tr, args, { subscription, clock }),
    tr.t("schedule.undo", { command: cancelCommand(spotlight) }),
  ];
  return reply.success(sentences.filter(Boolean).join(" "));
}

export async function cancelSpotlightHere({ services, invocation, tr }: Ctx, typed: string): Promise<Reply> {
  const spotlight = await cancelSpotlight(services, Number(typed.replace("#", "")), {
    actor: actorOf(invocation),
    reason: "cancelled by a moderator",
    where: invocation,
    allowed: async (found) => {
      if (found.scope === "community") await assertCommunityModerator(invocation);
    },
  });
  const subscription = await services.subscriptions.findByChannel(invocation.channel);
  const key = byPlace(spotlight, invocation, {
    channel: "schedule.cancelledChannel",
    chat: "schedule.cancelledChat",
    community: "schedule.cancelledCommunity",
  });
  return reply.success(
    tr.t(key, {
      name: await spotlightName(services, tr, spotlight),
      date: tr.date(spotlight.localDate),
      ...postTimeOf(services, spotlight, subscription),
    }),
  );
}
