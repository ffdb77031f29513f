import type { ServiceId } from "@/lib/domain";
import { shortMonthLabel } from "@/lib/format";
import { zScores } from "@/lib/stats";

/*
 * The trend chart's view model: chart rows, axis labels and ticks built from the engine's plain series
 * (the engine itself returns data only).
 */

/**
 * A unit-free trend measure for putting services of different units on one chart: each month's value
 * standardized within the segment's own series, (x − the segment's mean over the months) / the series'
 * population SD. 0 is the segment's usual level for that service, +1 one SD above it. It works for
 * negative indices (YouTube/Netflix) where a ratio to the mean would not. A constant series has no
 * spread, so every month is null ("no change to show"), never NaN.
 */
export function trendIndex(values: readonly number[]): (number | null)[] {
  return values.length === 0 ? [] : zScores(values);
}

export interface TrendSeriesInput {
  months: readonly string[];
  series: readonly { service: ServiceId; values: readonly number[] }[];
}

/** One chart row per month: the index per service (Recharts reads these keys) and the raw values. */
export type TrendChartRow = {
  month: string;
  label: string;
  raw: Partial<Record<ServiceId, number>>;
} & Partial<Record<ServiceId, number | null>>;

/** Month labels for a chart axis: "3월" within one year, "23년 3월" when the data spans years. */
export function monthAxisLabels(months: readonly string[]): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m) => shortMonthLabel(m, years.size > 1));
}

export function trendChartRows(trend: TrendSeriesInput): TrendChartRow[] {
  const labels = monthAxisLabels(trend.months);
  const indices = trend.series.map((s) => ({ service: s.service, index: trendIndex(s.values), values: s.values }));
  return trend.months.map((month, i) => {
    const row: TrendChartRow = { month, label: labels[i]!, raw: {} };
    for (const s of indices) {
      row[s.service] = s.index[i] ?? null;
      row.raw[s.service] = s.values[i]!;
    }
    return row;
  });
}

/**
 * A y-axis for the index that is symmetric around 0 (the segment's own average) with whole-number
 * ticks: the largest |index| rounded up, at least 1. For 9 months |index| ≤ √8 ≈ 2.83, so ±3 at most.
 */
export function indexAxis(rows: readonly TrendChartRow[], services: readonly ServiceId[]): { domain: [number, number]; ticks: number[] } {
  let max = 0;
  for (const r of rows) for (const s of services) max = Math.max(max, Math.abs(r[s] ?? 0));
  const m = Math.max(1, Math.ceil(max - 1e-9));
  return { domain: [-m, m], ticks: Array.from({ length: 2 * m + 1 }, (_, i) => i - m) };
}
