/**
 * The uploads kept between a dry run and Apply: found only by the session that made them, forgotten
 * after their time or once applied, one per session, and never more than the store's bound.
 */
import { describe, expect, it } from "vitest";
import { PendingImports } from "../../../src/panel/pending-imports.ts";

const files = (name: string) => [{ name, bytes: new Uint8Array([1]) }];

describe("uploads kept for Apply", () => {
  it("are found by their token in the session that kept them only", () => {
    const store = new PendingImports();
    const token = store.put("session-a", files("a.yaml"));
    expect(store.get("session-a", token)).toEqual(files("a.yaml"));
    expect(store.get("session-b", token)).toBeUndefined();
    expect(store.get("session-a", "guessed")).toBeUndefined();
    expect(store.get("session-a", ["not", "a", "string"])).toBeUndefined();
    store.forget(token);
    expect(store.get("session-a", token)).toBeUndefined();
  });

  it("expire after their time", () => {
    let now = 0;
    const store = new PendingImports(8, 1000, () => now);
    const token = store.put("s", files("a.yaml"));
    now = 999;
    expect(store.get("s", token)).toBeDefined();
    now = 1000;
    expect(store.get("s", token)).toBeUndefined();
  });

  it("keep one upload per session and at most the bound, dropping the oldest", () => {
    const store = new PendingImports(2);
    const first = store.put("s1", files("1.yaml"));
    const second = store.put("s1", files("2.yaml"));
    expect(store.get("s1", first)).toBeUndefined();
    expect(store.get("s1", second)).toBeDefined();
    const other = store.put("s2", files("3.yaml"));
    const third = store.put("s3", files("4.yaml"));
    expect(store.get("s1", second)).toBeUndefined();
    expect(store.get("s2", other)).toBeDefined();
    expect(store.get("s3", third)).toBeDefined();
  });
});
