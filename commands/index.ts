/**
 * The command registry: every command, listed explicitly (no folder scanning). Adding a command is a new
 * file here and one line in this list.
 */
import type { AnyCommand } from "../src/core/command.ts";
import { act } from "./act.ts";
import { createHelp } from "./help.ts";
import { language } from "./language.ts";
import { prisoner } from "./prisoner.ts";
import { schedule } from "./schedule.ts";
import { share } from "./share.ts";
import { subscribe } from "./subscribe.ts";
import { today } from "./today.ts";
import { unsubscribe } from "./unsubscribe.ts";

export const commands: readonly AnyCommand[] = [
  prisoner,
  today,
  share,
  act,
  subscribe,
  unsubscribe,
  schedule,
  language,
  createHelp(() => commands),
];
