/**
 * A model of the rotation's caller for the property tests: days go by, curators add, remove, suspend
 * (stale, released) and resume profiles between picks, a profile may be taken down after it was picked,
 * and each decision is written to an in-memory log where the first writer wins, as RotationLog does.
 */
import fc from "fast-check";
import type { RotationEntry } from "../../../src/core/ports/rotation-log.ts";
import { type RotationCandidate, pickForDate, replacementForDate } from "../../../src/rotation/rotation.ts";

export type Op =
  | { kind: "add" }
  | { kind: "remove"; index: number }
  | { kind: "suspend"; index: number }
  | { kind: "resume"; index: number }
  /** After the day's pick: its profile is taken down at noon and the day gets a replacement. */
  | { kind: "takedown" };

export interface Scenario {
  campaignId: string;
  /** Varies the ids, and with them the hash order. */
  salt: string;
  firstDate: string;
  initial: number;
  /** Ops applied before each day's pick (or, for takedown, after it). */
  days: Op[][];
}

export interface Day {
  localDate: string;
  /** Eligible when the day's entry was decided (after a takedown, without the taken-down profile). */
  eligible: RotationCandidate[];
  entry: RotationEntry | undefined;
  /** The entry a takedown replaced. */
  replaced?: RotationEntry;
  /** Profiles that joined this day. */
  added: string[];
}

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Op>({ kind: "add" }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), index: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("suspend" as const), index: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("resume" as const), index: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "takedown" }) },
);

/** Most days pass without edits, so cycles get to finish. */
const dayOps = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Op[]>([]) },
  { weight: 1, arbitrary: fc.array(op, { maxLength: 3 }) },
);

export const scenario = (maxDays = 60): fc.Arbitrary<Scenario> =>
  fc.record({
    campaignId: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    salt: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    firstDate: fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2016-12-12", n)),
    initial: fc.integer({ min: 0, max: 8 }),
    days: fc.array(dayOps, { minLength: 1, maxLength: maxDays, size: "max" }),
  });

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The campaign's profiles: ids by seq, and which are out of rotation for now. */
export class Catalog {
  private readonly active = new Map<string, number>();
  private readonly suspended = new Set<string>();
  private nextSeq = 0;

  constructor(private readonly salt: string) {}

  add(): string {
    const id = `${this.salt}-p${this.nextSeq}`;
    this.active.set(id, this.nextSeq++);
    return id;
  }

  remove(id: string): void {
    this.active.delete(id);
    this.suspended.delete(id);
  }

  /** Applies an edit; returns the id of an added profile. */
  apply(edit: Op): string | undefined {
    const ids = [...this.active.keys()];
    const target = "index" in edit && ids.length > 0 ? ids[edit.index % ids.length] : undefined;
    if (edit.kind === "add") return this.add();
    if (target === undefined) return undefined;
    if (edit.kind === "remove") this.remove(target);
    if (edit.kind === "suspend") this.suspended.add(target);
    if (edit.kind === "resume") this.suspended.delete(target);
    return undefined;
  }

  eligible(): RotationCandidate[] {
    return [...this.active].filter(([id]) => !this.suspended.has(id)).map(([id, seq]) => ({ id, seq }));
  }
}

/** Days in calendar order, each decided once, as when every channel shares one time zone. */
export function simulate(s: Scenario): Day[] {
  const catalog = new Catalog(s.salt);
  for (let i = 0; i < s.initial; i++) catalog.add();
  const log: RotationEntry[] = [];
  return s.days.map((ops, i) => {
    const localDate = addDays(s.firstDate, i);
    const added = ops.filter((o) => o.kind !== "takedown").flatMap((o) => catalog.apply(o) ?? []);
    let eligible = catalog.eligible();
    let entry = pickForDate({ campaignId: s.campaignId, localDate, eligible, history: log });
    let replaced: RotationEntry | undefined;
    if (entry) log.push(entry);
    if (entry && ops.some((o) => o.kind === "takedown")) {
      catalog.remove(entry.profileId);
      eligible = catalog.eligible();
      replaced = entry;
      entry = replacementForDate({ campaignId: s.campaignId, localDate, eligible, history: log });
      // RotationLog.replace: the date's pick changes, or the date is left empty when nobody remains.
      log.splice(log.indexOf(replaced), 1, ...(entry ? [entry] : []));
    }
    return { localDate, eligible, entry, added, ...(replaced ? { replaced } : {}) };
  });
}

/** A seeded Fisher-Yates shuffle, so a failing case replays exactly. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((state / 2 ** 32) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
