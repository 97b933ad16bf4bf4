import { describe, expect, it } from "vitest";
import type { ProfileHead } from "../../../src/core/profile-head.ts";
import { headPool } from "../../../src/services/head-pool.ts";

const head = (id: string, sentenceDate?: string): ProfileHead => ({
  id,
  // Built by concatenation, so that equal values are distinct strings, as read from the store.
  campaign: ["bench", "campaign"].join("-"),
  displayName: `Name ${id}`,
  gender: ["fe", "male"].join("") as "female",
  lastVerifiedAt: ["2024", "05", "01"].join("-"),
  publication: { visibility: "public" },
  detentions: [
    {
      arrestDate: ["2019", "03", "02"].join("-"),
      status: "sentenced",
      statusAsOf: "2024-01-01",
      ...(sentenceDate ? { sentenceDate } : {}),
    },
  ],
  family: [],
});

describe("headPool", () => {
  it("keeps each head equal to what it was given, sharing the repeated values", () => {
    const pool = headPool();
    const [a, b] = [head("a"), head("b", "2020-01-01")];
    const [pa, pb] = [pool(a), pool(b)];
    expect(pa).toEqual(a);
    expect(pb).toEqual(b);
    expect(pb.publication).toBe(pa.publication);
    expect(pb.detentions[0]!.arrestDate).toBe(pa.detentions[0]!.arrestDate);
    expect(Object.keys(pa)).toEqual(Object.keys(a));
  });

  it("keeps distinct publications apart", () => {
    const pool = headPool();
    const withheld = { ...head("c"), publication: { visibility: "withheld" as const } };
    expect(pool(withheld).publication).toEqual({ visibility: "withheld" });
    expect(pool(head("d")).publication).toEqual({ visibility: "public" });
  });
});
