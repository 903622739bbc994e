// A per-entry column of numbers for the series collector, stored in fixed chunks.
//
// A plain array pushed to 100,000 entries is re-allocated about thirty times on the way, each time
// at half as much again; the old backing stores above 128 KB lie in V8's large-object space until the
// next full collection, about twice the array's own size per column. Chunks never move.

const SHIFT = 13;
const SIZE = 1 << SHIFT; // 8,192 slots: 64 KB a chunk
const MASK = SIZE - 1;

/** Whole numbers (rows, indices: stored as 32-bit integers) or any number, NaN included. */
export type ColumnKind = 'int' | 'float';

export class Column {
  private readonly chunks: (Int32Array | Float64Array)[] = [];
  private size = 0;

  constructor(private readonly kind: ColumnKind) {}

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.kind === 'int' && (value | 0) !== value) throw new RangeError(`column value ${value} is not a 32-bit integer`);
    const c = this.size >>> SHIFT;
    if (c === this.chunks.length) this.chunks.push(this.kind === 'int' ? new Int32Array(SIZE) : new Float64Array(SIZE));
    this.chunks[c]![this.size & MASK] = value;
    this.size++;
  }

  /** The value at i (0 ≤ i < length). */
  at(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new RangeError(`column index ${i} out of 0..${this.size - 1}`);
    return this.chunks[i >>> SHIFT]![i & MASK]!;
  }

  /** Values a (inclusive) to b (exclusive) as a plain array. */
  slice(a: number, b: number): number[] {
    const out = new Array<number>(Math.max(0, b - a));
    for (let i = a; i < b; i++) out[i - a] = this.at(i);
    return out;
  }
}
