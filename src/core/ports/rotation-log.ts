/** The rotation's memory, shared by every process so all of them read one answer per date. */

/** The rotation's memory: which profile a campaign featured on a local date. */
export interface RotationEntry {
  campaignId: string;
  localDate: string;
  profileId: string;
  /** Which pass through the eligible profiles this day belongs to, from 0. */
  cycle: number;
  /**
   * When the log recorded (or last replaced) the pick, as the log returns it: the anniversary track reads
   * a date's round as it stood then (rotation/anniversary-track.ts). Absent on a pick not yet recorded.
   */
  recordedAt?: Date;
}

export interface RotationLog {
  /** Every decided day of a campaign, by date. */
  history(campaignId: string): Promise<RotationEntry[]>;
  /** Records a pick unless the date has one already; returns the one that stands (the first writer wins). */
  record(entry: RotationEntry): Promise<RotationEntry>;
  /** Replaces a date's pick only if it is still `previousProfileId`; returns the one that stands. */
  replace(entry: RotationEntry, previousProfileId: string): Promise<RotationEntry>;
}
