/**
 * /schedule list: the upcoming spotlights of this channel and its community, by date and then the time they
 * post, in the channel's zone as it is now, each saying whether this channel posts it and ending with the
 * command that cancels it (the only place a spotlight's number shows).
 */
import { readChannelClock } from "../src/core/channel-clock.ts";
import type { CommandContext } from "../src/core/command.ts";
import type { Reply } from "../src/core/reply.ts";
import { reply } from "../src/core/reply.ts";
import { spotlightFor, spotlightPostTime } from "../src/core/spotlight-rules.ts";
import { cancelCommand, spotlightName } from "./schedule-notes.ts";

/** Enough to plan weeks ahead, and short enough for every platform's message (Discord's 2,000 characters). */
const LIST_MAX = 12;

export async function listSpotlights({ services, invocation, tr }: CommandContext<unknown>): Promise<Reply> {
  const { subscription, clock } = await readChannelClock(services, invocation.channel);
  const upcoming = await services.spotlights.listUpcoming(
    invocation.channel,
    invocation.community,
    clock.today,
  );
  if (upcoming.length === 0)
    return reply.info(tr.t("schedule.listEmpty", { command: "/schedule <name> <YYYY-MM-DD>" }), "private");
  const timed = upcoming
    .map((s) => ({ s, ...spotlightPostTime(s, subscription, services.defaults.postTime) }))
    .sort(
      (a, b) => a.s.localDate.localeCompare(b.s.localDate) || a.time.localeCompare(b.time) || a.s.id - b.s.id,
    );
  let outranked = false;
  const lines = await Promise.all(
    timed.slice(0, LIST_MAX).map(async ({ s, time, timezone }) => {
      const name = await spotlightName(services, tr, s);
      const postedHere = spotlightFor(upcoming, invocation, s.localDate)?.id === s.id;
      outranked ||= !postedHere;
      const key =
        s.scope === "community"
          ? "schedule.listLineCommunity"
          : postedHere
            ? "schedule.listLine"
            : "schedule.listLineNotPosted";
      const date = tr.date(s.localDate);
      return tr.t(key, { date, time, zone: timezone, name, command: cancelCommand(s) });
    }),
  );
  const more = timed.length - LIST_MAX;
  if (more > 0)
    lines.push(tr.t("schedule.listMore", { count: more, date: tr.date(timed[LIST_MAX]!.s.localDate) }));
  if (outranked) lines.push(tr.t("schedule.listBothNote"));
  return reply.info([tr.t("schedule.listHeader"), ...lines].join("\n"), "private");
}
