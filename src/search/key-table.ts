/**
 * Search keys → ids, frozen once built. The whole-name keys of 50,000 profiles number in the hundreds of
 * thousands; as a Map of strings each costs a string object, a map entry and, for shared keys, an array
 * (about 100 bytes a key, all of it for the garbage collector to walk). Here the keys' UTF-16 code units
 * sit in one array, ordered by a 32-bit hash that a lookup finds by binary search and then confirms
 * against the stored key, so a hash collision never returns another key's ids. The ids of each key stay
 * in the order they were added.
 */
import { IntList, type PackedLists } from "./packed-lists.ts";

export interface KeyTable {
  /** Index of `key` (for `ids`), or -1 when absent. */
  find(key: string): number;
  /** Each key's ids: list `find(key)`. */
  readonly ids: PackedLists;
}

/** FNV-1a over UTF-16 code units. */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Collects keys and their ids while an index is built; `freeze` packs them. */
export class KeyTableBuilder {
  private readonly byKey = new Map<string, number | IntList>();

  /** Adds `id` under `key`, unless it is already the last id added there. */
  add(key: string, id: number): void {
    const found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, id);
    else if (typeof found === "number") {
      if (found === id) return;
      const list = new IntList();
      list.push(found);
      list.push(id);
      this.byKey.set(key, list);
    } else if (found.at(found.length - 1) !== id) found.push(id);
  }

  freeze(): KeyTable {
    const keys = [...this.byKey.keys()];
    const hashes = keys.map(keyHash);
    const order = keys.map((_, i) => i).sort((a, b) => hashes[a]! - hashes[b]!);
    const sortedHashes = Uint32Array.from(order, (i) => hashes[i]!);
    const keyOffsets = new Int32Array(keys.length + 1);
    const idOffsets = new Int32Array(keys.length + 1);
    let chars = 0;
    let idCount = 0;
    order.forEach((i, at) => {
      const found = this.byKey.get(keys[i]!)!;
      chars += keys[i]!.length;
      idCount += typeof found === "number" ? 1 : found.length;
      keyOffsets[at + 1] = chars;
      idOffsets[at + 1] = idCount;
    });
    const units = new Uint16Array(chars);
    const items = new Int32Array(idCount);
    order.forEach((i, at) => {
      const key = keys[i]!;
      for (let c = 0; c < key.length; c++) units[keyOffsets[at]! + c] = key.charCodeAt(c);
      const found = this.byKey.get(key)!;
      if (typeof found === "number") items[idOffsets[at]!] = found;
      else for (let k = 0; k < found.length; k++) items[idOffsets[at]! + k] = found.at(k);
    });
    return frozenTable(sortedHashes, keyOffsets, units, { offsets: idOffsets, items });
  }
}

function frozenTable(
  hashes: Uint32Array,
  keyOffsets: Int32Array,
  units: Uint16Array,
  ids: PackedLists,
): KeyTable {
  const matches = (at: number, key: string): boolean => {
    const start = keyOffsets[at]!;
    if (keyOffsets[at + 1]! - start !== key.length) return false;
    for (let c = 0; c < key.length; c++) if (units[start + c] !== key.charCodeAt(c)) return false;
    return true;
  };
  return {
    ids,
    find(key) {
      const hash = keyHash(key);
      let lo = 0;
      let hi = hashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (hashes[mid]! < hash) lo = mid + 1;
        else hi = mid;
      }
      for (let at = lo; at < hashes.length && hashes[at] === hash; at++) if (matches(at, key)) return at;
      return -1;
    },
  };
}
