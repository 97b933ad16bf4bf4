/**
 * The status-update rules (src/core/status-update.ts) and their words (src/presentation/status-update.ts):
 * which re-import is a change readers must be told of, the dated update line and the release announcement
 * in the reader's language with the source, and what each platform answer becomes in the ledger.
 */
import { catalogEntry } from "../../../src/services/catalog-entries.ts";
import { RecordArena } from "../../../src/services/record-arena.ts";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readImportFiles } from "../../../src/catalog/read-import-files.ts";
import { channelRef } from "../../../src/core/channel.ts";
import type { OutboundPost, PlatformAdapter } from "../../../src/core/platform.ts";
import { pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import type { Pacer } from "../../../src/delivery/pacer.ts";
import { english, translatorFor } from "../../../src/core/i18n/translator.ts";
import { currentDetention, type Detention, type Profile } from "../../../src/core/profile.ts";
import { MAX_RETRACT_ATTEMPTS } from "../../../src/core/retraction.ts";
import {
  announcementOutcome,
  editOutcome,
  type StatusChange,
  type StatusUpdateLedger,
  statusChangeOf,
  type UpdateOutcome,
} from "../../../src/core/status-update.ts";
import { createOutageWatch } from "../../../src/delivery/outage.ts";
import type { PassLine } from "../../../src/delivery/report.ts";
import { runStatusUpdates } from "../../../src/delivery/status-updates.ts";
import { createPresenter } from "../../../src/presentation/presenter.ts";
import type { CatalogService } from "../../../src/services/catalog.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";
import { releaseAnnouncement, updateLine, withUpdateLine } from "../../../src/presentation/status-update.ts";

const SAMPLE = fileURLToPath(new URL("../../../data", import.meta.url));
const NOW = new Date("2026-12-01T10:00:00Z");
let narges: Profile;

beforeAll(async () => {
  const read = await readImportFiles([SAMPLE]);
  narges = read.profiles.find((p) => p.id === "narges-mohammadi")!;
});

/** The profile with its current detention changed as a curator's re-import would. */
function withCurrent(profile: Profile, change: Partial<Detention>): Profile {
  const current = currentDetention(profile);
  return { ...profile, detentions: profile.detentions.map((d) => (d === current ? { ...d, ...change } : d)) };
}

describe("statusChangeOf", () => {
  it("finds a release, dated by the release (else the status's date), sourced by the newest source", () => {
    const after = withCurrent(narges, {
      status: "released",
      statusAsOf: "2026-11-30",
      release: { date: "2026-11-28", type: "pardon" },
      sources: ["india-today", "shareamerica"],
    });
    expect(statusChangeOf(narges, after)).toEqual({
      kind: "released",
      profileId: "narges-mohammadi",
      date: "2026-11-28",
      asOf: "2026-11-30",
      sourceId: "shareamerica",
    });
    const undated = withCurrent(narges, { status: "released", statusAsOf: "2026-11" });
    expect(statusChangeOf(narges, undated)).toMatchObject({ kind: "released", date: "2026-11" });
  });

  it("finds a death in custody and a changed sentence of the same detention", () => {
    const died = withCurrent(narges, { status: "died_in_custody", statusAsOf: "2026-11-29" });
    expect(statusChangeOf(narges, died)).toMatchObject({ kind: "died_in_custody", date: "2026-11-29" });
    const sentence = { asPronounced: "18 years in total" };
    const longer = withCurrent(narges, { sentence, sentenceDate: "2026-11-20", statusAsOf: "2026-11-21" });
    expect(statusChangeOf(narges, longer)).toMatchObject({
      kind: "sentence_changed",
      date: "2026-11-20",
      asOf: "2026-11-21",
      sentence: "18 years in total",
    });
  });

  it("is no change for a new profile, an edit of other fields, a re-arrest, or a release already known", () => {
    expect(statusChangeOf(undefined, narges)).toBeUndefined();
    expect(
      statusChangeOf(narges, { ...narges, summary: { ...narges.summary, text: "Edited." } }),
    ).toBeUndefined();
    const current = currentDetention(narges);
    const rearrest: Detention = {
      ...current,
      arrestDate: "2026-11-01",
      sentence: { asPronounced: "2 years" },
    };
    expect(
      statusChangeOf(narges, { ...narges, detentions: [...narges.detentions, rearrest] }),
    ).toBeUndefined();
    const freed = withCurrent(narges, { status: "released", statusAsOf: "2026-11-30" });
    expect(statusChangeOf(freed, { ...freed, verifiedBy: "someone else" })).toBeUndefined();
  });
});

describe("the update line and the announcement", () => {
  const change = (over: Partial<StatusChange>): StatusChange => ({
    kind: "released",
    profileId: "narges-mohammadi",
    date: "2026-11-28",
    asOf: "2026-11-30",
    sourceId: "india-today",
    ...over,
  });

  it("says what changed, as of when, and the source, with the date's own precision", () => {
    expect(updateLine(change({}), narges, english)).toBe(
      "Update, as of 30 November 2026: released on 28 November 2026 (source: India Today).",
    );
    expect(updateLine(change({ kind: "died_in_custody", date: "2026-11" }), narges, english)).toBe(
      "Update, as of 30 November 2026: died in custody in November 2026 (source: India Today).",
    );
    expect(updateLine(change({ kind: "sentence_changed", sentence: "18 years" }), narges, english)).toBe(
      "Update, as of 30 November 2026: sentence changed to 18 years (source: India Today).",
    );
  });

  it("is written in the channel's language, agreeing with the person", () => {
    expect(updateLine(change({}), narges, translatorFor("ru"))).toMatch(/^Обновление на .*: освобождена /);
    expect(updateLine(change({}), narges, translatorFor("fr"))).toMatch(/^Mise à jour au .* : libérée le /);
  });

  it("falls back to the current detention's source when the change's source was dropped", () => {
    expect(updateLine(change({ sourceId: "gone-source" }), narges, english)).toContain(
      "(source: India Today)",
    );
  });

  it("is said first on the card, before a notice it already had", () => {
    const card = { notice: "A past campaign." } as Parameters<typeof withUpdateLine>[0];
    expect(withUpdateLine(card, "Update.").notice).toBe("Update. A past campaign.");
    expect(withUpdateLine({ ...card, notice: undefined }, "Update.").notice).toBe("Update.");
  });

  it("announces a release in one sentence, with the source's link", () => {
    expect(releaseAnnouncement(change({}), narges, english)).toEqual({
      text: "Narges Mohammadi was released on 28 November 2026. Source: India Today.",
      url: narges.sources.find((s) => s.id === "india-today")!.url,
    });
  });
});

describe("what the ledger records", () => {
  it("retries a transient edit with backoff, then gives up; a dead channel is failed at once", () => {
    expect(editOutcome({ kind: "edited" }, 1, NOW)).toEqual({
      state: "edited",
      detail: "edited with the update line",
    });
    expect(editOutcome({ kind: "transient", reason: "429", retryAfterMs: 90_000 }, 1, NOW)).toEqual({
      state: "pending",
      detail: "429",
      nextAttemptAt: new Date(NOW.getTime() + 90_000),
    });
    expect(editOutcome({ kind: "transient", reason: "502" }, MAX_RETRACT_ATTEMPTS, NOW)).toMatchObject({
      state: "failed",
    });
    expect(editOutcome({ kind: "permanent", reason: "403 kicked" }, 1, NOW)).toEqual({
      state: "failed",
      detail: "403 kicked",
    });
  });

  it("never tries an announcement again once it may have been posted", () => {
    expect(announcementOutcome({ kind: "uncertain", reason: "timed out" }, 1, NOW)).toMatchObject({
      state: "failed",
    });
    expect(announcementOutcome({ kind: "sent", messageId: "9" }, 1, NOW)).toMatchObject({
      state: "announced",
      messageId: "9",
    });
    expect(announcementOutcome({ kind: "transient", reason: "429" }, 1, NOW)).toMatchObject({
      state: "pending",
    });
  });
});

describe("pacing", () => {
  it("waits for the platform's pacer, per channel, around each edit and announcement", async () => {
    const acquired: string[] = [];
    const order: string[] = [];
    const adapter = {
      platform: "telegram",
      afterUncertainSend: "record-uncertain",
      start: async () => {},
      stop: async () => {},
      send: async () => ({ kind: "permanent", reason: "never" }),
      async edit() {
        order.push("edit");
        return { kind: "edited" };
      },
      async announce() {
        order.push("announce");
        return { kind: "sent", messageId: "5" };
      },
    } satisfies PlatformAdapter;
    const pacer = {
      acquire: async (channel: string) => {
        acquired.push(channel);
        order.push("acquired");
        return () => order.push("answered");
      },
    } as unknown as Pacer;
    const paced = pacedAdapter(adapter, pacer);
    const channel = channelRef("telegram:-1001");
    const ref = { channelId: "-1001", messageId: "42" };
    await paced.edit!(channel, ref, {} as OutboundPost);
    await paced.announce!(channel, { text: "t", url: "https://example.org", idempotencyKey: "k" });
    expect(acquired).toEqual([channel, channel]);
    expect(order).toEqual(["acquired", "edit", "answered", "acquired", "announce", "answered"]);
  });
});

describe("the pass step (runStatusUpdates)", () => {
  /** One post owed an update edit, a live campaign's profile verified `verifiedDaysAgo` before NOW. */
  async function step(verifiedDaysAgo: number) {
    const read = await readImportFiles([SAMPLE]);
    const { historical: _past, ...live } = read.campaigns[0]!;
    const verified = new Date(NOW.getTime() - verifiedDaysAgo * 86_400_000).toISOString().slice(0, 10);
    const profile = { ...narges, campaign: live.id, lastVerifiedAt: verified };
    const stored = { profile, createdAt: NOW, updatedAt: NOW, seq: 1 };
    const finished: UpdateOutcome[] = [];
    const edited: OutboundPost[] = [];
    let claimed = false;
    const change: StatusChange = {
      kind: "released",
      profileId: profile.id,
      date: "2026-11-28",
      asOf: "2026-11-30",
      sourceId: "india-today",
    };
    const ledger = {
      enqueue: async () => ({ edits: 1, announcements: 0 }),
      claimEdits: async () => {
        if (claimed) return [];
        claimed = true;
        return [
          {
            deliveryId: 3,
            channel: channelRef("telegram:-1001"),
            localDate: "2026-11-24",
            platform: "telegram",
            campaignId: live.id,
            spotlight: false,
            ref: { channelId: "-1001", messageId: "42" },
            change,
            attempts: 1,
          },
        ];
      },
      finishEdit: async (_id: number, _owner: string, outcome: UpdateOutcome) => {
        finished.push(outcome);
        return true;
      },
      claimAnnouncements: async () => [],
      finishAnnouncement: async () => true,
      announcementsFor: async () => [],
    } satisfies StatusUpdateLedger;
    const adapter = {
      platform: "telegram",
      afterUncertainSend: "record-uncertain",
      start: async () => {},
      stop: async () => {},
      send: async () => ({ kind: "permanent", reason: "never" }),
      async edit(_c, _r, post) {
        edited.push(post);
        return { kind: "edited" };
      },
    } satisfies PlatformAdapter;
    const logger = createMemoryLogger();
    const entry = catalogEntry(stored, { keeping: "memory", records: new RecordArena() });
    const snapshot = { all: [entry], byId: new Map([[stored.profile.id, entry]]), campaigns: [live] };
    const lines: PassLine[] = [];
    await runStatusUpdates(
      {
        statusUpdates: ledger,
        adapters: new Map([["telegram", adapter as PlatformAdapter]]),
        catalog: { snapshot: async () => snapshot } as unknown as CatalogService,
        presenter: createPresenter({ staleAfterDays: 90 }),
        logger,
        owner: "me",
        outage: createOutageWatch(logger, { now: () => NOW }),
        translators: () => english,
        editWithinDays: 30,
        staleAfterDays: 90,
      },
      () => NOW,
      lines,
    );
    return { finished, edited, lines };
  }

  it("edits a fresh profile's post to its current card, the update line first", async () => {
    const { finished, edited, lines } = await step(3);
    expect(edited).toHaveLength(1);
    expect(edited[0]!.card.notice).toMatch(/^Update, as of 30 November 2026: released on 28 November 2026/);
    expect(edited[0]!.idempotencyKey).toBe("ftbh-d-3");
    expect(finished).toEqual([{ state: "edited", detail: "edited with the update line" }]);
    expect(lines).toMatchObject([{ kind: "updated" }]);
  });

  it("holds back a live campaign's profile not verified within STALE_AFTER_DAYS, as the daily post does", async () => {
    const { finished, edited, lines } = await step(120);
    expect(edited).toEqual([]);
    expect(finished).toMatchObject([
      { state: "skipped", detail: expect.stringMatching(/not verified within 90 days/) },
    ]);
    expect(lines).toMatchObject([{ kind: "skipped" }]);
  });
});
