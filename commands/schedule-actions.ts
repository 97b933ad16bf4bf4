/** What /schedule add and cancel do (list: schedule-list.ts). */
import { z } from "zod";
import { actorOf } from "../src/core/actor.ts";
import { type ChannelClock, readChannelClock } from "../src/core/channel-clock.ts";
import type { CommandContext } from "../src/core/command.ts";
import { UserError } from "../src/core/errors.ts";
import { formatPartialDate } from "../src/core/partial-date.ts";
import { thisPlace } from "../src/core/place.ts";
import type { Reply } from "../src/core/reply.ts";
import { reply } from "../src/core/reply.ts";
import type { Subscription } from "../src/core/services.ts";
import { calendarDate, timeOfDay } from "./arguments.ts";
import {
  cancelCommand,
  postTimeText,
  precedenceNote,
  replacedNote,
  spotlightName,
  spotlightPlace,
  takenMessage,
} from "./schedule-notes.ts";
import { unresolvedLookupReply } from "./shared.ts";
import { assertSpotlightable } from "./spotlight-eligibility.ts";

/** Spotlight numbers are Postgres integers: a larger one names no spotlight, and must not reach the query. */
const MAX_SPOTLIGHT_ID = 2_147_483_647;

const USAGE =
  "Use /schedule <name> <YYYY-MM-DD> [HH:MM] [--community] [--replace], /schedule list or /schedule cancel <number>";

export const scheduleArgs = z.discriminatedUnion("subcommand", [
  z.object({
    subcommand: z.literal("add"),
    name: z
      .string({ error: `Which prisoner? ${USAGE}` })
      .trim()
      .min(1)
      .max(200),
    date: calendarDate(`Which date? ${USAGE}`),
    time: timeOfDay.optional(),
    scope: z.enum(["channel", "community"], { error: "scope is channel or community" }).default("channel"),
    /** Typed as --replace, or Discord's replace option: cancel the spotlight standing on that date. */
    replace: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["yes", "no"], { error: "replace is yes or no" }))
      .optional()
      .transform((v) => v === "yes"),
    /** A typed --word other than --community and --replace, see parseText. */
    unknownOption: z
      .undefined({
        error: (issue) =>
          `Unknown option "${String(issue.input)}": the options are --community and --replace`,
      })
      .optional(),
  }),
  z.object({
    subcommand: z.literal("list"),
    extra: z.undefined({ error: "/schedule list takes nothing after it" }).optional(),
  }),
  z.object({
    subcommand: z.literal("cancel"),
    number: z
      .string({ error: "Which spotlight? /schedule list shows each one with the command that cancels it" })
      .trim()
      .regex(/^#?\d+$/, {
        error: "Which spotlight? Use the number /schedule list shows for it, e.g. /schedule cancel 3",
      }),
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
    throw new UserError(
      "Only moderators of the whole community (on Discord: Manage Server) can set or cancel a spotlight for " +
        `every channel. Without --community it applies to ${thisPlace(invocation)} only. Nothing was changed.`,
      "NOT_A_MODERATOR",
    );
  }
}

/**
 * A channel gets one post per local date: a spotlight for today still shows in /today, but it is not
 * posted where today's post is already settled, or (without a subscription) once its time has passed.
 * Said plainly, so nobody waits for a post that will not come.
 */
function todayNote(
  services: Ctx["services"],
  args: Extract<ScheduleArgs, { subcommand: "add" }>,
  where: { subscription: Subscription | undefined; clock: ChannelClock },
): string {
  const { clock } = where;
  if (args.date !== clock.today) return "";
  const settled = where.subscription?.plannedThrough;
  if (settled !== undefined && settled >= args.date) {
    return args.scope === "channel"
      ? " Today's post here has already gone out, so it shows in /today but is not posted again today."
      : " Channels whose post for today has already gone out show it in /today but do not post again today.";
  }
  const time = args.time ?? where.subscription?.postTime ?? services.defaults.postTime;
  if (!where.subscription && clock.at(args.date, time) < clock.now) {
    return ` ${time} (${clock.zone}) has already passed today, so it shows in /today but is not posted.`;
  }
  return "";
}

export async function addSpotlight(
  ctx: Ctx,
  args: Extract<ScheduleArgs, { subcommand: "add" }>,
): Promise<Reply> {
  const { services, invocation } = ctx;
  const { date } = args;
  if (args.scope === "community") await assertCommunityModerator(invocation);
  const [lookup, { subscription, clock }] = await Promise.all([
    services.catalog.lookup(args.name),
    readChannelClock(services, invocation.channel),
  ]);
  const { zone: timezone, today } = clock;
  if (lookup.kind !== "found") {
    const options = [
      args.scope === "community" ? "--community" : undefined,
      args.replace ? "--replace" : undefined,
    ];
    const rest = [date, args.time, ...options].filter(Boolean).join(" ");
    return unresolvedLookupReply(services, today, args.name, lookup, "schedule", rest);
  }
  if (date < today)
    throw new UserError(
      `${formatPartialDate(date)} has passed in ${timezone} (today there is ${formatPartialDate(today)}); ` +
        "choose today or a later date.",
      "INVALID_ARGUMENTS",
    );
  const profile = lookup.profile.profile;
  const campaignId = subscription?.campaignId ?? profile.campaign;
  const campaign = await services.catalog.campaign(campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} of ${invocation.channel} is not stored`);
  if (profile.campaign !== campaignId) {
    throw new UserError(
      `${profile.displayName} is not in the campaign ${thisPlace(invocation)} follows, ${campaign.name}. ` +
        "Nothing was scheduled.",
      "INVALID_ARGUMENTS",
    );
  }
  assertSpotlightable(services, lookup.profile, campaign, date);
  const wanted = {
    scope: args.scope,
    channel: invocation.channel,
    community: invocation.community,
    campaignId,
    profileId: profile.id,
    localDate: date,
    ...(args.time ? { localTime: args.time } : {}),
    timezone,
    createdBy: actorOf(invocation),
  };
  const added = await services.spotlights.add(wanted, { replace: args.replace });
  if (added.kind === "taken") {
    const input = { standing: added.standing, wanted, wantedName: profile.displayName };
    const message = await takenMessage(services, input, { invocation, subscription });
    throw new UserError(message, "SPOTLIGHT_DATE_TAKEN");
  }
  const { spotlight } = added;
  return reply.success(
    `Spotlight scheduled: ${profile.displayName} in ${spotlightPlace(spotlight, invocation)} on ${formatPartialDate(date)} at ${postTimeText(services, spotlight, subscription)}.` +
      `${await replacedNote(services, added.replaced, subscription)} It replaces the daily rotation there on that date.` +
      `${await precedenceNote(services, spotlight, invocation)}${todayNote(services, args, { subscription, clock })} ` +
      `To undo it: ${cancelCommand(spotlight)}`,
  );
}

export async function cancelSpotlight({ services, invocation }: Ctx, typed: string): Promise<Reply> {
  const id = Number(typed.replace("#", ""));
  const spotlight = id >= 1 && id <= MAX_SPOTLIGHT_ID ? await services.spotlights.get(id) : undefined;
  const mine =
    spotlight &&
    (spotlight.scope === "channel"
      ? spotlight.channel === invocation.channel
      : spotlight.community === invocation.community);
  if (!spotlight || !mine || spotlight.state !== "scheduled") {
    throw new UserError(
      "No spotlight scheduled here has that number. /schedule list shows the ones you can cancel, each " +
        "with the command that cancels it. Nothing was changed.",
      "SPOTLIGHT_NOT_FOUND",
    );
  }
  if (spotlight.scope === "community") await assertCommunityModerator(invocation);
  await services.spotlights.cancel(id, {
    actor: actorOf(invocation),
    reason: "cancelled by a moderator",
  });
  const subscription = await services.subscriptions.findByChannel(invocation.channel);
  return reply.success(
    `Cancelled the spotlight of ${await spotlightName(services, spotlight)} in ${spotlightPlace(spotlight, invocation)} ` +
      `on ${formatPartialDate(spotlight.localDate)} at ${postTimeText(services, spotlight, subscription)}.`,
  );
}
