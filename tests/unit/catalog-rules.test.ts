/**
 * The catalog's import rules on their own: a takedown survives a re-import that says nothing of it, and a
 * restore returns to the visibility the curators last chose, else withheld. The repositories' contract
 * tests (tests/integration/db/catalog.contract.ts) check the same through both stores.
 */
import { describe, expect, it } from "vitest";
import {
  changedFields,
  keepLaterVerification,
  keepTakedown,
  profileAfterImport,
  restoreVisibilityFromImport,
  verificationRefusal,
  visibilityAfterRestore,
} from "../../src/core/catalog-rules.ts";
import { buildProfile } from "./rotation/builders.ts";

const takedown = { at: "2024-02-20T12:00:00Z", by: "curator", reason: "family request" };
const takenDown = buildProfile({ publication: { visibility: "withheld", takedown } });
const publicFile = buildProfile();

describe("a takedown on re-import", () => {
  it("is kept when the file says nothing of it", () => {
    expect(keepTakedown(takenDown, publicFile).publication).toEqual({ visibility: "withheld", takedown });
  });

  it("is replaced by the file's own, and absent when nothing was taken down", () => {
    const other = { ...takedown, reason: "court order" };
    const file = buildProfile({ publication: { visibility: "withheld", takedown: other } });
    expect(keepTakedown(takenDown, file)).toBe(file);
    expect(keepTakedown(publicFile, publicFile)).toBe(publicFile);
    expect(keepTakedown(undefined, publicFile)).toBe(publicFile);
  });
});

describe("the visibility a restore returns to", () => {
  it("is public only when public was recorded", () => {
    expect(visibilityAfterRestore("public")).toBe("public");
    expect(visibilityAfterRestore("withheld")).toBe("withheld");
    expect(visibilityAfterRestore(undefined)).toBe("withheld");
  });

  it("follows the curators' file while taken down, and is withheld after a takedown from a file", () => {
    expect(restoreVisibilityFromImport(takenDown, publicFile, undefined)).toBe("public");
    expect(restoreVisibilityFromImport(takenDown, publicFile, "public")).toBeUndefined();
    expect(restoreVisibilityFromImport(publicFile, takenDown, "public")).toBe("withheld");
    expect(restoreVisibilityFromImport(takenDown, takenDown, "public")).toBeUndefined();
    expect(restoreVisibilityFromImport(publicFile, publicFile, undefined)).toBeUndefined();
  });
});

describe("what changed", () => {
  it("names the top-level fields that differ, ignoring undefined keys", () => {
    expect(changedFields(publicFile, takenDown)).toEqual(["publication"]);
    expect(changedFields({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });
});

describe("a verification on re-import", () => {
  const panel = buildProfile({ lastVerifiedAt: "2024-06-09", verifiedBy: "Aysel" });
  const olderFile = buildProfile({ lastVerifiedAt: "2024-05-02", verifiedBy: "curators" });
  const laterFile = buildProfile({ lastVerifiedAt: "2024-06-10", verifiedBy: "curators" });

  it("keeps the stored one, and who made it, when the file's is older", () => {
    expect(keepLaterVerification(panel, olderFile)).toMatchObject({
      lastVerifiedAt: "2024-06-09",
      verifiedBy: "Aysel",
    });
  });

  it("takes the file's when it is the same day or later, or nothing is stored", () => {
    expect(keepLaterVerification(panel, laterFile)).toBe(laterFile);
    expect(keepLaterVerification(panel, { ...olderFile, lastVerifiedAt: "2024-06-09" }).verifiedBy).toBe(
      "curators",
    );
    expect(keepLaterVerification(undefined, olderFile)).toBe(olderFile);
  });

  it("is kept together with a takedown by profileAfterImport", () => {
    const down = { ...panel, publication: { visibility: "withheld" as const, takedown } };
    expect(profileAfterImport(down, olderFile)).toMatchObject({
      lastVerifiedAt: "2024-06-09",
      publication: { visibility: "withheld", takedown },
    });
  });
});

describe("marking verified as of a date", () => {
  const stored = { lastVerifiedAt: "2024-05-02" };
  it("accepts a day from the stored one up to the latest", () => {
    expect(verificationRefusal(stored, "2024-05-02", "2024-06-10")).toBeUndefined();
    expect(verificationRefusal(stored, "2024-06-10", "2024-06-10")).toBeUndefined();
  });
  it("refuses a non-date, a future day and a day before the stored one", () => {
    expect(verificationRefusal(stored, "2024-02-30", "2024-06-10")).toBe("format");
    expect(verificationRefusal(stored, "10/06/2024", "2024-06-10")).toBe("format");
    expect(verificationRefusal(stored, "2024-06-11", "2024-06-10")).toBe("future");
    expect(verificationRefusal(stored, "2024-05-01", "2024-06-10")).toBe("earlier");
  });
});
