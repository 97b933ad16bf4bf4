/**
 * `freetobehome report`: the impact figures a campaign reports, per profile, platform and UTC day: posts
 * delivered, channels reached and presses per button (core/ports/impact-report.ts), as an aligned table
 * with totals for a person or as CSV (RFC 4180) for a spreadsheet.
 */
import type { App } from "../app.ts";
import type { ImpactFigures, ImpactRow } from "../core/ports/impact-report.ts";
import { profileNotFound } from "../services/curation.ts";
import type { CliContext } from "./context.ts";
import { csvRecords } from "../core/csv.ts";
import { formatTable } from "./list-output.ts";
import { styleFor } from "./style.ts";
import { UsageError } from "./usage.ts";

export interface ReportOptions {
  from?: string;
  to?: string;
  profile?: string;
  campaign?: string;
  csv?: boolean;
}

const DAY_MS = 86_400_000;
/** The range when none is given: the 30 days up to today (UTC). */
const DEFAULT_DAYS = 30;

/** A real calendar day written YYYY-MM-DD, between the years 2000 and 2100. */
export function parseDay(option: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match)
    throw new UsageError(`${option} must be a date written YYYY-MM-DD, such as 2026-11-24 (got "${value}")`);
  // Date rolls an impossible day over (2026-02-30 becomes 2 March) or gives up (month 13).
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw new UsageError(`${option} names a day that does not exist: ${value}`);
  const year = Number(match[1]);
  if (year < 2000 || year > 2100)
    throw new UsageError(`${option} must be between the years 2000 and 2100 (got "${value}")`);
  return value;
}

/** The days to report on: as given, else the 30 days up to `--to` (or up to today, UTC). */
export function reportRange(options: ReportOptions, now: Date): { from: string; to: string } {
  const to = options.to === undefined ? now.toISOString().slice(0, 10) : parseDay("--to", options.to);
  const from =
    options.from === undefined
      ? new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
      : parseDay("--from", options.from);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}: the first day comes first`);
  return { from, to };
}

export async function runReport(ctx: CliContext, options: ReportOptions): Promise<number> {
  // Refused before the database is opened; the range is read again on the app's clock.
  reportRange(options, new Date());
  return ctx.withApp(async (app) => {
    const range = reportRange(options, app.clock.now());
    const figures = await app.repositories.impact.read({
      ...range,
      ...(options.profile === undefined ? {} : { profileId: options.profile }),
      ...(options.campaign === undefined ? {} : { campaignId: options.campaign }),
    });
    // A typo would otherwise read as "nothing happened": an id known neither to the catalog nor to the
    // figures is refused. A profile removed since keeps its history.
    if (figures.rows.length === 0) await refuseUnknown(app, options);
    ctx.io.stdout.write(options.csv ? reportCsv(figures) : reportTable(ctx, figures, range));
    return 0;
  });
}

async function refuseUnknown(app: App, options: ReportOptions): Promise<void> {
  const { catalog } = app.repositories;
  if (options.profile !== undefined && !(await catalog.getProfile(options.profile)))
    throw profileNotFound(options.profile);
  if (options.campaign !== undefined) {
    const known = (await catalog.listCampaigns()).some((c) => c.id === options.campaign);
    if (!known)
      throw new UsageError(`No campaign with id "${options.campaign}" (see: freetobehome campaigns list)`);
  }
}

/** Every button pressed in the report, in name order: one column each. */
function buttonsOf(rows: readonly ImpactRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.presses.map((p) => p.button)))].sort();
}

function pressesOf(row: ImpactRow, button: string): number {
  return row.presses.find((p) => p.button === button)?.presses ?? 0;
}

export function reportCsv({ rows }: ImpactFigures): string {
  const buttons = buttonsOf(rows);
  const header = ["day", "platform", "profile", "posts", "channels", ...buttons.map((b) => `presses:${b}`)];
  const records = rows.map((r) => [
    r.day,
    r.platform,
    r.profileId,
    r.posts,
    r.channels,
    ...buttons.map((b) => pressesOf(r, b)),
  ]);
  return csvRecords([header, ...records]);
}

function reportTable(ctx: CliContext, figures: ImpactFigures, range: { from: string; to: string }): string {
  const { rows } = figures;
  const span = range.from === range.to ? range.from : `${range.from} to ${range.to} (UTC days)`;
  if (rows.length === 0) return `No post delivered and no button pressed, ${span}.\n`;
  const buttons = buttonsOf(rows);
  const sum = (of: (r: ImpactRow) => number) => String(rows.reduce((total, r) => total + of(r), 0));
  const body = rows.map((r) => [
    r.day,
    r.platform,
    r.profileId,
    String(r.posts),
    String(r.channels),
    ...buttons.map((b) => String(pressesOf(r, b))),
  ]);
  const totals = [
    "total",
    "",
    "",
    sum((r) => r.posts),
    String(figures.channelsReached),
    ...buttons.map((b) => sum((r) => pressesOf(r, b))),
  ];
  const header = ["day", "platform", "profile", "posts", "channels", ...buttons.map((b) => `presses: ${b}`)];
  const table = formatTable(header, [...body, totals], styleFor(ctx.io, "stdout").bold);
  return (
    `Posts delivered, channels reached and button presses, ${span}:\n${table}` +
    "Total channels: distinct channels over the whole range.\n"
  );
}
