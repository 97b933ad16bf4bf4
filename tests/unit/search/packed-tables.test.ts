import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyTableBuilder, keyHash } from "../../../src/search/key-table.ts";
import { groupPairs, IntList, ListBuilder } from "../../../src/search/packed-lists.ts";

const ids = (table: ReturnType<KeyTableBuilder["freeze"]>, key: string): number[] => {
  const at = table.find(key);
  if (at < 0) return [];
  const { offsets, items } = table.ids;
  return [...items.subarray(offsets[at]!, offsets[at + 1]!)];
};

describe("KeyTable", () => {
  it("finds every key's ids in the order added, and nothing for other keys", () => {
    const key = fc.string({ unit: fc.constantFrom("a", "b", "ə", "王", "\u{1F600}"), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(50))), fc.array(key), (pairs, probes) => {
        const builder = new KeyTableBuilder();
        const expected = new Map<string, number[]>();
        for (const [k, id] of pairs) {
          builder.add(k, id);
          const list = expected.get(k) ?? [];
          // The builder drops an id equal to the last one added under the same key.
          if (list.at(-1) !== id) list.push(id);
          expected.set(k, list);
        }
        const table = builder.freeze();
        for (const k of [...expected.keys(), ...probes]) expect(ids(table, k)).toEqual(expected.get(k) ?? []);
      }),
    );
  });

  it("tells apart keys whose hashes collide", () => {
    // Found by search: distinct keys with one FNV-1a hash.
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i++) {
      const k = `k${i.toString(36)}`;
      const other = byHash.get(keyHash(k));
      if (other !== undefined) pair = [other, k];
      byHash.set(keyHash(k), k);
    }
    const builder = new KeyTableBuilder();
    builder.add(pair[0], 1);
    const table = builder.freeze();
    expect(ids(table, pair[0])).toEqual([1]);
    expect(ids(table, pair[1])).toEqual([]);
  });
});

describe("packed lists", () => {
  it("groupPairs keeps each list's ids in the order of the pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(9), fc.integer())), (pairs) => {
        const [lists, values] = [new IntList(), new IntList()];
        for (const [list, value] of pairs) {
          lists.push(list);
          values.push(value);
        }
        const { offsets, items } = groupPairs(lists, values, 10);
        for (let list = 0; list < 10; list++) {
          const want = pairs.filter(([l]) => l === list).map(([, v]) => v);
          expect([...items.subarray(offsets[list]!, offsets[list + 1]!)]).toEqual(want);
        }
      }),
    );
  });

  it("ListBuilder packs lists one after the other, empty ones too", () => {
    const builder = new ListBuilder();
    for (const list of [[1, 2], [], [3], Array.from({ length: 100 }, (_, i) => i)]) {
      builder.begin();
      for (const id of list) builder.push(id);
    }
    const { offsets, items } = builder.finish();
    expect([...offsets]).toEqual([0, 2, 2, 3, 103]);
    expect([...items.subarray(0, 3)]).toEqual([1, 2, 3]);
  });
});
