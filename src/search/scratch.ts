/**
 * Reusable per-query working memory. A common name ("Mohammed", "王") has postings in the tens of
 * thousands at 50,000 profiles; counting them in Maps and Sets allocated per query costs milliseconds
 * and garbage. These typed arrays are allocated once per index and cleared in O(1) by moving to a new
 * epoch. Search is synchronous, so one query never sees another's values.
 */
/** A number and a name id per profile or per name, for one query at a time. */
export class Scratch {
  private readonly stamp: Uint32Array;
  private readonly values: Float64Array;
  private readonly nameIds: Int32Array;
  private epoch = 0;
  /** The ids set since `begin`, in first-touch order. */
  readonly touched: number[] = [];

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
    this.values = new Float64Array(size);
    this.nameIds = new Int32Array(size);
  }

  begin(): void {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    this.touched.length = 0;
  }

  has(id: number): boolean {
    return this.stamp[id] === this.epoch;
  }

  get(id: number): number {
    return this.has(id) ? this.values[id]! : 0;
  }

  nameOf(id: number): number {
    return this.nameIds[id]!;
  }

  set(id: number, value: number, nameId = -1): void {
    if (!this.has(id)) {
      this.stamp[id] = this.epoch;
      this.touched.push(id);
    }
    this.values[id] = value;
    this.nameIds[id] = nameId;
  }
}
