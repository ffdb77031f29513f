import type { Dong } from "@/lib/dongs";
import type { Age, Sex } from "@/lib/domain";

/** A 행정동 segment: 행정동 × sex × 10-year band (70 holds 70 and 75); 424 × 2 × 6 = 5,088 in Seoul. */
export interface DongSegmentKey {
  /** Index into the panel's `dongs`. */
  dong: number;
  sex: Sex;
  age: Age;
}

/** How a measure may be compared: an index (100 × u ÷ mean) only means something for counts. */
export type MeasureKind = "count" | "index" | "amount" | "ratio" | "people";

/**
 * The 행정동 figures of one analysis window, arranged for the pure computations (dong-*.ts): one value
 * per segment per month, already the contract's roll-up (a measure is the unweighted mean of the
 * segment's provider rows, population their sum). Arrays are indexed [month][segment]; a month without
 * the measure has `undefined`, a segment without a figure in a month NaN.
 */
export interface DongPanel {
  /** The window's months, ascending. */
  months: readonly string[];
  /** In code order. */
  dongs: readonly Dong[];
  segments: readonly DongSegmentKey[];
  population: readonly Float64Array[];
  /** Measure id → its monthly figures. The 관심집단 counts are not measures and are not here. */
  measures: ReadonlyMap<string, { kind: MeasureKind; months: readonly (Float64Array | undefined)[] }>;
}

/** Mean of the finite values; NaN when there is none. */
export function finiteMean(values: Iterable<number>): number {
  let sum = 0, n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

/**
 * (x − mean) ÷ population SD over the finite values; NaN stays NaN. Null when fewer than two finite values
 * differ (nothing to standardize against), like lib/stats zScores.
 */
export function finiteZ(values: ArrayLike<number>): (number | null)[] {
  const xs = Array.from(values);
  const m = finiteMean(xs);
  const finite = xs.filter(Number.isFinite);
  const sd = Math.sqrt(finiteMean(finite.map((v) => (v - m) * (v - m))));
  if (!(sd > 0)) return xs.map(() => null);
  return xs.map((v) => (Number.isFinite(v) ? (v - m) / sd : null));
}

/** Each segment's mean over the window's months that have the figure (the "window mean"). */
export function windowMeans(months: readonly (Float64Array | undefined)[], segmentCount: number): Float64Array {
  const out = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) out[s] = finiteMean(months.map((m) => (m ? m[s]! : NaN)));
  return out;
}

/** The months of the panel that have the measure. */
export function monthsWith(panel: DongPanel, measure: string): string[] {
  const m = panel.measures.get(measure);
  return m ? panel.months.filter((_, i) => m.months[i] !== undefined) : [];
}
