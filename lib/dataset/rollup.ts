import { DISTRICTS } from "@/lib/districts";
import { AGES, SEXES } from "@/lib/domain";
import { isSummed, type ColumnId } from "./measures";
import type { Dong, DongMonth } from "./types";

/**
 * The one aggregation rule (the 2023 analysis' method): a measure for a cell (district or 행정동 × sex ×
 * 10-year band) is the unweighted mean of the provider rows in it that have a value (sum ÷ rows);
 * population, 1인가구수, group counts and other people counts are sums. 10-year band b holds the 5-year
 * bands b and b+5; band 70 holds 70 and 75+. A cell without any row with a value is NaN.
 */
function rollUp(month: DongMonth, cellOfRow: Int32Array, cells: number): Partial<Record<ColumnId, Float64Array>> {
  const out: Partial<Record<ColumnId, Float64Array>> = {};
  for (const [id, col] of Object.entries(month.columns) as [ColumnId, Float64Array][]) {
    const sum = new Float64Array(cells);
    const rows = new Uint32Array(cells);
    for (let r = 0; r < month.rows; r++) {
      const v = col[r]!;
      if (Number.isNaN(v)) continue;
      const c = cellOfRow[r]!;
      sum[c] = sum[c]! + v;
      rows[c] = rows[c]! + 1;
    }
    const summed = isSummed(id);
    const result = new Float64Array(cells);
    for (let c = 0; c < cells; c++) result[c] = rows[c] === 0 ? NaN : summed ? sum[c]! : sum[c]! / rows[c]!;
    out[id] = result;
  }
  return out;
}

/** The 10-year band index (AGES) of a 5-year band: 20, 25 → 0 … 70, 75 → 5. */
export function ageIndexOf5(age5: number): number {
  return Math.min(Math.floor((age5 - 20) / 10), AGES.length - 1);
}

/**
 * A month's district figures from its 행정동 rows: each column over the 300 cells in the canonical
 * segment order (district as in DISTRICTS, F before M, band) — the order of the engine's segmentIndex.
 */
export function rollUpDistricts(month: DongMonth, dongs: readonly Dong[]): Partial<Record<ColumnId, Float64Array>> {
  const districtIdx = new Map(DISTRICTS.map((d, i) => [d.code, i]));
  const dongDistrict = dongs.map((d) => districtIdx.get(d.districtCode)!);
  const cellOfRow = new Int32Array(month.rows);
  for (let r = 0; r < month.rows; r++) {
    cellOfRow[r] =
      (dongDistrict[month.dong[r]!]! * SEXES.length + month.sex[r]!) * AGES.length + ageIndexOf5(month.age5[r]!);
  }
  return rollUp(month, cellOfRow, DISTRICTS.length * SEXES.length * AGES.length);
}

/** Index of a 행정동 × sex × 10-year band cell in rollUpDongSegments' columns. */
export function dongCellIndex(dongIndex: number, sexIndex: number, ageIndex: number): number {
  return (dongIndex * SEXES.length + sexIndex) * AGES.length + ageIndex;
}

/** A month's 행정동 × sex × 10-year band figures (for the drill-down), cells indexed by dongCellIndex. */
export function rollUpDongSegments(month: DongMonth, dongCount: number): Partial<Record<ColumnId, Float64Array>> {
  const cellOfRow = new Int32Array(month.rows);
  for (let r = 0; r < month.rows; r++)
    cellOfRow[r] = dongCellIndex(month.dong[r]!, month.sex[r]!, ageIndexOf5(month.age5[r]!));
  return rollUp(month, cellOfRow, dongCount * SEXES.length * AGES.length);
}
