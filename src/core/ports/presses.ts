/**
 * How often people press the bot's buttons: one counter per UTC day, platform, profile and button (the
 * command the button re-runs). Nothing about who pressed, or where, is kept: no user, channel or community.
 */
import type { Platform } from "../channel.ts";

export interface ButtonPress {
  /** The UTC date of the press, YYYY-MM-DD. */
  day: string;
  platform: Platform;
  profileId: string;
  /** The command the button re-ran ("share", "prisoner", …). */
  button: string;
}

export interface PressCount extends ButtonPress {
  presses: number;
}

export interface PressCounter {
  /** Adds one to the press's counter (created at one), in one statement: concurrent presses all count. */
  record(press: ButtonPress): Promise<void>;
  /** The counters with a day from `from` to `to` (inclusive, when given), by day, platform, profile, button. */
  counts(filter?: { from?: string; to?: string; profileId?: string }): Promise<PressCount[]>;
}
