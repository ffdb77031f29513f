import { parseNumber, type Cell } from "./values";

/**
 * One data row as the row handler reads it. CSV rows stay as bytes (a field is decoded only when the
 * importer needs it); XLSX rows and quoted CSV records are arrays of cells.
 */
export interface Row {
  /** Number of cells (for CSV: fields). Valid indices are base … length − 1. */
  readonly length: number;
  /** The cell's value, decoded (for messages and key columns). */
  cell(i: number): Cell;
  /** A cheap identity of the raw cell for memoizing parsed key columns. */
  key(i: number): unknown;
  /** The cell as a number: null when missing (empty, *, -), NaN when not a finite number. */
  num(i: number): number | null;
  /** Why the cell has no usable value, when the reader knows better than "not a number" (XLSX: a formula without a cached value). */
  problem?(i: number): string | undefined;
}

export class ArrayRow implements Row {
  constructor(readonly cells: readonly Cell[]) {}
  get length(): number {
    return this.cells.length;
  }
  cell(i: number): Cell {
    return this.cells[i];
  }
  key(i: number): unknown {
    return this.cells[i];
  }
  num(i: number): number | null {
    return parseNumber(this.cells[i]);
  }
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A CSV record as byte ranges of the chunk it was read from; valid only during the callback. Numbers
 * are parsed from the bytes (numberFromBytes).
 */
export class ByteRow implements Row {
  buf: Buffer = Buffer.alloc(0);
  starts: Int32Array<ArrayBuffer> = new Int32Array(256);
  ends: Int32Array<ArrayBuffer> = new Int32Array(256);
  length = 0;

  constructor(private readonly decode: (buf: Buffer, start: number, end: number) => string) {}

  cell(i: number): Cell {
    return i < this.length ? this.decode(this.buf, this.starts[i]!, this.ends[i]!) : undefined;
  }

  /** Per column: the bytes and key of the last long key cell (consecutive rows repeat district and month). */
  private readonly lastKey: { bytes: Uint8Array; len: number; key: string }[] = [];

  /**
   * Up to 6 bytes: the bytes as one exact integer (no allocation). Longer: a latin1 string of the
   * bytes, reused while a column repeats the previous row's bytes.
   */
  key(i: number): unknown {
    if (i >= this.length) return undefined;
    const b = this.buf;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    const len = e - s;
    if (len <= 6) {
      let k = len;
      for (let j = s; j < e; j++) k = k * 256 + b[j]!;
      return k;
    }
    const last = this.lastKey[i];
    if (last && last.len === len) {
      let same = true;
      const lb = last.bytes;
      for (let j = 0; j < len; j++) {
        if (lb[j] !== b[s + j]) {
          same = false;
          break;
        }
      }
      if (same) return last.key;
    }
    const key = b.toString("latin1", s, e);
    if (len <= 64) {
      const entry = last ?? { bytes: new Uint8Array(64), len: 0, key: "" };
      entry.bytes.set(b.subarray(s, e));
      entry.len = len;
      entry.key = key;
      this.lastKey[i] = entry;
    }
    return key;
  }

  num(i: number): number | null {
    return i < this.length ? numberFromBytes(this.buf, this.starts[i]!, this.ends[i]!) : null;
  }
}

/**
 * A number cell from its bytes (CSV fields, XLSX `<v>` text): null when missing (empty, `*`, `-`), NaN
 * when not a plain decimal number. Up to 15 significant digits and 22 decimals the result is one
 * correctly rounded division, identical to Number(); anything else goes through parseNumber.
 */
export function numberFromBytes(b: Buffer, start: number, end: number): number | null {
  let s = start;
  let e = end;
  while (s < e && b[s]! <= 32) s++;
  while (e > s && b[e - 1]! <= 32) e--;
  if (s === e) return null;
  if (e - s === 1 && (b[s] === 42 || b[s] === 45)) return null; // * or -
  let k = s;
  let neg = false;
  if (b[k] === 45) {
    neg = true;
    k++;
  } else if (b[k] === 43) k++;
  let mant = 0;
  let sig = 0;
  let frac = 0;
  let dot = false;
  let digits = 0;
  for (; k < e; k++) {
    const c = b[k]!;
    if (c >= 48 && c <= 57) {
      digits++;
      if (mant !== 0 || c !== 48) sig++;
      mant = mant * 10 + (c - 48);
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else return parseNumber(b.toString("latin1", s, e));
  }
  if (digits === 0 || sig > 15 || frac > 22) return parseNumber(b.toString("latin1", s, e));
  const v = frac ? mant / POW10[frac]! : mant;
  return neg ? -v : v;
}
