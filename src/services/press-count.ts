/**
 * Counting button presses: a press that re-ran a command and showed one profile adds one to that day's
 * counter for the platform, the profile and the button (the command). Nothing else about the press is
 * kept. A failure to count is logged and never reaches the person who pressed.
 */
import type { CommandInvocation } from "../core/command.ts";
import type { Clock } from "../core/ports/clock.ts";
import type { Logger } from "../core/ports/logger.ts";
import type { PressCounter } from "../core/ports/presses.ts";
import { profileShown, type Reply } from "../core/reply.ts";

export type PressRecorder = (invocation: CommandInvocation, command: string, reply: Reply) => Promise<void>;

export function createPressRecorder(deps: {
  counter: PressCounter;
  clock: Clock;
  logger: Logger;
}): PressRecorder {
  return async (invocation, command, reply) => {
    if (invocation.via !== "button") return;
    const profileId = profileShown(reply);
    if (profileId === undefined) return;
    const press = {
      day: deps.clock.now().toISOString().slice(0, 10),
      platform: invocation.platform,
      profileId,
      button: command,
    };
    try {
      await deps.counter.record(press);
    } catch (err) {
      deps.logger.warn({ err, ...press }, "could not count a button press");
    }
  };
}
