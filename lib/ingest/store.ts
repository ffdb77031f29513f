import { AGE5_BANDS } from "@/lib/dataset/types";

/**
 * The imported rows at the provider's grain, 행정동 × sex × 5-year band, one table per month. A month's
 * 29개 통신정보 and 10개 관심집단 수 files write into the same table, each its own columns; population and
 * 1인가구수, which both carry, are kept from the first file and compared with the second.
 */

/** The provider's 5-year bands kept: 20, 25, …, 75 (75 = 75 and over). */
export const N_BANDS = AGE5_BANDS.length;
/** Row order within a 행정동: sex (0 = F, 1 = M, as SEXES) × band. */
export const ROWS_PER_DONG = 2 * N_BANDS;

export const POPULATION = "population";
export const SINGLE = "single_households";
/** The column holding a measure block's weight (총인구수 − its 미추정 count, floored at 0). */
export const weightColumn = (baseId: string) => `weight:${baseId}`;

export class MonthTable {
  /** 행정동 codes in the order first seen; a code's index × ROWS_PER_DONG is its first row. */
  readonly dongs: string[] = [];
  private readonly dongIndex = new Map<string, number>();
  private capacity = 0;
  /** 1 where some file gave the row. */
  filled = new Uint8Array(0);
  private readonly columns = new Map<string, Float64Array>();
  /** Changes whenever the arrays are replaced (grown), so cached references can be refreshed. */
  version = 0;

  /** `dongs`: the 행정동 expected (the bundled 424), so a real month's columns are allocated once, never grown. */
  constructor(
    readonly month: string,
    dongs: number,
  ) {
    this.grow(dongs);
  }

  /** The first row of a 행정동 (added when new). */
  dongBase(code: string): number {
    let i = this.dongIndex.get(code);
    if (i === undefined) {
      i = this.dongs.length;
      this.dongs.push(code);
      this.dongIndex.set(code, i);
      if (i >= this.capacity) this.grow(Math.max(32, this.capacity * 2));
    }
    return i * ROWS_PER_DONG;
  }

  /** A column's values by row, NaN where there is none; created on first use. */
  column(id: string): Float64Array {
    let c = this.columns.get(id);
    if (!c) {
      c = new Float64Array(this.capacity * ROWS_PER_DONG).fill(NaN);
      this.columns.set(id, c);
    }
    return c;
  }

  has(id: string): boolean {
    return this.columns.has(id);
  }

  get rowCount(): number {
    return this.dongs.length * ROWS_PER_DONG;
  }

  private grow(dongs: number): void {
    const rows = dongs * ROWS_PER_DONG;
    const filled = new Uint8Array(rows);
    filled.set(this.filled);
    this.filled = filled;
    for (const [id, c] of this.columns) {
      const bigger = new Float64Array(rows).fill(NaN);
      bigger.set(c);
      this.columns.set(id, bigger);
    }
    this.capacity = dongs;
    this.version++;
  }
}

/** What the files say about a 행정동: its name (without the district) and its district's administrative code. */
export interface DongInfo {
  code: string;
  name: string;
  districtCode: string;
}

export class Store {
  /** `expectedDongs`: how many 행정동 a month is sized for at first (tables grow beyond it when needed). */
  constructor(private readonly expectedDongs = 32) {}

  readonly months = new Map<string, MonthTable>();
  readonly dongs = new Map<string, DongInfo>();
  /** Rows whose population (or 1인가구수) differs between a month's two files: counted for a note. */
  readonly mismatches = new Map<string, { count: number; example: string }>();

  month(month: string): MonthTable {
    let t = this.months.get(month);
    if (!t) {
      t = new MonthTable(month, this.expectedDongs);
      this.months.set(month, t);
    }
    return t;
  }

  get monthList(): string[] {
    return [...this.months.keys()].sort();
  }
}
