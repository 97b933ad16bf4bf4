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
  /**
   * The ids set since `begin`, first `count` of them. A typed array that grows and is never given back:
   * an array emptied by `length = 0` drops its storage, so each query grew it again (a tenth of a fuzzy
   * query's garbage at 50,000 profiles, and garbage is what made /prisoner's p99, through scavenges).
   */
  private ids: Int32Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.stamp = new Uint32Array(capacity);
    this.values = new Float64Array(capacity);
    this.nameIds = new Int32Array(capacity);
    this.ids = new Int32Array(Math.min(capacity, 256));
  }

  begin(): void {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    this.size = 0;
  }

  /** How many ids were set since `begin`. */
  get count(): number {
    return this.size;
  }

  /** The ids set since `begin`, in first-touch order: a view, valid until the next `begin`. */
  get touched(): Int32Array {
    return this.ids.subarray(0, this.size);
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
      if (this.size === this.ids.length) this.grow();
      this.ids[this.size++] = id;
    }
    this.values[id] = value;
    this.nameIds[id] = nameId;
  }

  /** Each id is set at most once per query, so `capacity` ids always fit. */
  private grow(): void {
    const grown = new Int32Array(Math.min(this.capacity, this.ids.length * 2));
    grown.set(this.ids);
    this.ids = grown;
  }
}
