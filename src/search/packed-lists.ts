/**
 * Lists of ids packed flat (compressed sparse rows): list `i` is `items[offsets[i]]` up to
 * `items[offsets[i + 1]]`. The name index holds tens of thousands of short lists (each word's names,
 * each profile's words); as JavaScript arrays each cost a header and room to grow, about 150 bytes for a
 * list of two ids, and the garbage collector walks every one of them. Packed, they are two typed arrays.
 */

export interface PackedLists {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/** How many ids list `i` holds. */
export function listLength(lists: PackedLists, i: number): number {
  return lists.offsets[i + 1]! - lists.offsets[i]!;
}

/** A growable list of 32-bit ids, for building: doubles its room as it fills. */
export class IntList {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The ids pushed, in a typed array of exactly their length. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Builds lists appended one after the other: ids go to the list begun last. */
export class ListBuilder {
  private readonly offsets = new IntList();
  private readonly items = new IntList();

  /** Starts the next list. */
  begin(): void {
    this.offsets.push(this.items.length);
  }

  push(id: number): void {
    this.items.push(id);
  }

  finish(): PackedLists {
    this.offsets.push(this.items.length);
    return { offsets: this.offsets.toArray(), items: this.items.toArray() };
  }
}

/**
 * Groups (list, id) pairs by list, keeping the pairs' order within each list (a counting sort): the
 * pairs `lists[k]`, `ids[k]` for k below `pairs.length`.
 */
export function groupPairs(lists: IntList, ids: IntList, listCount: number): PackedLists {
  const offsets = new Int32Array(listCount + 1);
  for (let k = 0; k < lists.length; k++) offsets[lists.at(k) + 1]! += 1;
  for (let i = 0; i < listCount; i++) offsets[i + 1]! += offsets[i]!;
  const next = offsets.slice(0, listCount);
  const items = new Int32Array(lists.length);
  for (let k = 0; k < lists.length; k++) items[next[lists.at(k)]!++] = ids.at(k);
  return { offsets, items };
}
