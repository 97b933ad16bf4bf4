/**
 * The impact figures a campaign reports (`freetobehome report`): per profile, platform and UTC day, the
 * posts delivered (the delivery ledger's sent rows, dated by when they were sent), the distinct channels
 * they reached, and the presses on each button (ports/presses.ts).
 */
import type { Platform } from "../channel.ts";

export interface ImpactFilter {
  /** First and last UTC day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  profileId?: string;
  /** Posts of this campaign (the ledger's), and presses on its profiles. */
  campaignId?: string;
}

export interface ImpactRow {
  day: string;
  platform: Platform;
  profileId: string;
  posts: number;
  channels: number;
  /** Presses per button, by button name; buttons never pressed are absent. */
  presses: ReadonlyArray<{ button: string; presses: number }>;
}

export interface ImpactFigures {
  /** Rows with a post or a press in the range, by day, then profile, then platform. */
  rows: ImpactRow[];
  /** Distinct channels any of the posts reached over the whole range (not the sum of the days'). */
  channelsReached: number;
}

export interface ImpactReportSource {
  read(filter: ImpactFilter): Promise<ImpactFigures>;
}
