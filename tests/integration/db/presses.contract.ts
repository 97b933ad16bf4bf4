/**
 * The press counters' part of the repository contract: one counter per (day, platform, profile, button),
 * added to atomically (presses at the same moment all count), read back by day range and profile.
 */
import { describe, expect, it } from "vitest";
import type { ButtonPress } from "../../../src/core/ports/presses.ts";
import type { ContractContext } from "./repositories.contract.ts";

const press = (over: Partial<ButtonPress> = {}): ButtonPress => ({
  day: "2026-11-24",
  platform: "telegram",
  profileId: "ilgar-mammadov",
  button: "share",
  ...over,
});

export function pressesContract({ repositories }: ContractContext): void {
  describe("press counters", () => {
    it("counts every press, also twenty at the same moment, one counter per day, platform, profile and button", async () => {
      const { presses } = repositories();
      await Promise.all(Array.from({ length: 20 }, () => presses.record(press())));
      await presses.record(press({ button: "prisoner" }));
      await presses.record(press({ platform: "discord" }));
      await presses.record(press({ day: "2026-11-25" }));
      await presses.record(press({ profileId: 'odd, "quoted" id' }));
      expect(await presses.counts()).toEqual([
        { ...press({ platform: "discord" }), presses: 1 },
        { ...press(), profileId: "ilgar-mammadov", button: "prisoner", presses: 1 },
        { ...press(), presses: 20 },
        { ...press({ profileId: 'odd, "quoted" id' }), presses: 1 },
        { ...press({ day: "2026-11-25" }), presses: 1 },
      ]);
    });

    it("reads a range of days (both ends included) and one profile", async () => {
      const { presses } = repositories();
      for (const day of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"])
        await presses.record(press({ day }));
      await presses.record(press({ day: "2026-11-24", profileId: "khalil-matouk" }));
      const days = await presses.counts({
        from: "2026-11-24",
        to: "2026-11-25",
        profileId: "ilgar-mammadov",
      });
      expect(days.map((p) => p.day)).toEqual(["2026-11-24", "2026-11-25"]);
    });
  });
}
