/** Button presses counted per UTC day, platform, profile and button: one atomic upsert a press. */
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { PressCounter } from "../../src/core/ports/presses.ts";
import type { Db } from "../client.ts";
import { buttonPresses } from "../schema/index.ts";

export function createPressCounter(db: Db): PressCounter {
  return {
    async record(press) {
      // One statement: two processes counting the same press at once both land (no read-then-write).
      await db
        .insert(buttonPresses)
        .values({ ...press, presses: 1 })
        .onConflictDoUpdate({
          target: [buttonPresses.day, buttonPresses.platform, buttonPresses.profileId, buttonPresses.button],
          set: { presses: sql`${buttonPresses.presses} + 1` },
        });
    },
    async counts(filter = {}) {
      return db
        .select()
        .from(buttonPresses)
        .where(
          and(
            filter.from === undefined ? undefined : gte(buttonPresses.day, filter.from),
            filter.to === undefined ? undefined : lte(buttonPresses.day, filter.to),
            filter.profileId === undefined ? undefined : eq(buttonPresses.profileId, filter.profileId),
          ),
        )
        .orderBy(
          asc(buttonPresses.day),
          asc(buttonPresses.platform),
          asc(buttonPresses.profileId),
          asc(buttonPresses.button),
        );
    },
  };
}
