import { GROUP_BY_ID, GROUPS, isSummed, type ColumnId, type GroupId, type MeasureKind } from "@/lib/dataset/measures";
import type { AnalysisWindow, LoadedDataset } from "@/lib/dataset/types";
import type { Dong } from "@/lib/dongs";
import { AGES, SEXES, type Age, type Sex } from "@/lib/domain";

/** A 행정동 segment: 행정동 × sex × 10-year band (70 holds 70 and 75); 424 × 2 × 6 = 5,088 in Seoul. */
export interface DongSegmentKey {
  /** Index into the panel's `dongs`. */
  dong: number;
  sex: Sex;
  age: Age;
}

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
  /** 관심집단 id → its monthly counts (sums of the provider rows), indexed like `population`. */
  groups: ReadonlyMap<GroupId, readonly (Float64Array | undefined)[]>;
}

/** Mean of the finite values; NaN when there is none. */
export function finiteMean(values: Iterable<number>): number {
  let sum = 0,
    n = 0;
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

/** The panel's months that have 행정동 figures of the measure (of any measure when none is named). */
export function monthsWith(panel: DongPanel, measure?: string): string[] {
  const ms = panel.measures;
  return panel.months.filter((_, i) =>
    measure ? !!ms.get(measure)?.months[i] : [...ms.values()].some((m) => m.months[i]),
  );
}

/** The 10-year band a provider 5-year band belongs to (70 holds 70 and 75); undefined below 20. */
function bandOf(age5: number): Age | undefined {
  const b = Math.min(70, Math.floor(age5 / 10) * 10);
  return (AGES as readonly number[]).includes(b) ? (b as Age) : undefined;
}

/**
 * Arranges a loaded dataset's 행정동 rows (every month that has them) into 행정동 segments by the contract's
 * rule: a measure is the unweighted mean of the segment's provider rows that have it (sum ÷ rows), a
 * people column (population, non-user counts, 관심집단 counts) their sum. Segments are every 행정동 × F,
 * M × 20…70 in that order; the 관심집단 counts are kept apart from the measures.
 */
export function dongPanelOf(data: LoadedDataset): DongPanel {
  const months = data.meta.months.filter((m) => data.dongMonths.has(m));
  const order = data.dongs.map((d, i) => ({ d, i })).sort((a, b) => a.d.code.localeCompare(b.d.code));
  const position = new Int32Array(data.dongs.length);
  order.forEach(({ i }, p) => (position[i] = p));
  const perDong = SEXES.length * AGES.length;
  const count = data.dongs.length * perDong;
  const segments: DongSegmentKey[] = order.flatMap((_, dong) =>
    SEXES.flatMap((sex) => AGES.map((age) => ({ dong, sex, age }))),
  );
  const ids = data.meta.measures.filter((m) => m.grains.includes("dong") && !GROUP_BY_ID.has(m.id)).map((m) => m.id);

  const population: Float64Array[] = [];
  const columns = new Map(ids.map((id) => [id, [] as (Float64Array | undefined)[]]));
  const groups = new Map(GROUPS.map((g) => [g.id, [] as (Float64Array | undefined)[]]));
  for (const month of months) {
    const rows = data.dongMonths.get(month)!;
    const segmentOf = new Int32Array(rows.rows);
    for (let r = 0; r < rows.rows; r++) {
      const band = bandOf(rows.age5[r]!);
      segmentOf[r] =
        band === undefined ? -1 : position[rows.dong[r]!]! * perDong + rows.sex[r]! * AGES.length + AGES.indexOf(band);
    }
    const combine = (values: Float64Array | undefined, summed: boolean): Float64Array | undefined => {
      if (!values) return undefined;
      const sum = new Float64Array(count),
        n = new Float64Array(count);
      for (let r = 0; r < rows.rows; r++) {
        const s = segmentOf[r]!,
          v = values[r]!;
        if (s < 0 || !Number.isFinite(v)) continue;
        sum[s]! += v;
        n[s]!++;
      }
      return sum.map((x, s) => (n[s] === 0 ? NaN : summed ? x : x / n[s]!));
    };
    population.push(combine(rows.columns.population, true) ?? new Float64Array(count).fill(NaN));
    for (const id of ids) columns.get(id)!.push(combine(rows.columns[id as ColumnId], isSummed(id)));
    for (const [id, list] of groups) list.push(combine(rows.columns[id], true));
  }
  const kinds = new Map(data.meta.measures.map((m) => [m.id, m.kind]));
  return {
    months,
    dongs: order.map(({ d }) => d),
    segments,
    population,
    measures: new Map(
      ids
        .filter((id) => columns.get(id)!.some(Boolean))
        .map((id) => [id, { kind: kinds.get(id)!, months: columns.get(id)! }]),
    ),
    groups: new Map([...groups].filter(([, list]) => list.some(Boolean))),
  };
}

/** The panel's months within the window (the arrays are shared, not copied). */
export function windowPanel(panel: DongPanel, window: AnalysisWindow): DongPanel {
  const keep = panel.months.map((m) => m >= window.from && m <= window.to);
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
  return {
    ...panel,
    months: pick(panel.months),
    population: pick(panel.population),
    measures: new Map([...panel.measures].map(([id, m]) => [id, { kind: m.kind, months: pick(m.months) }])),
    groups: new Map([...panel.groups].map(([id, g]) => [id, pick(g)])),
  };
}
