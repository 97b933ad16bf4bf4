/** The clock every rule reads "now" from: the system's in the bot, a test's or `deliver --at`'s elsewhere. */

export interface Clock {
  now(): Date;
}
