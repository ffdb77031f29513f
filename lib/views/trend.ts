import type { ServiceId } from "@/lib/domain";
import { shortMonthLabel } from "@/lib/format";
import { scaleLinear } from "d3-scale";
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
/** Axis labels: "3월", or "23년 3월" when the months span years; a doubtful month (`flagged`) ends in " ⚠". */
export function monthAxisLabels(months: readonly string[], flagged: ReadonlySet<string> = NO_FLAGS): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m) => `${shortMonthLabel(m, years.size > 1)}${flagged.has(m) ? " ⚠" : ""}`);
}

/** No doubtful months. */
export const NO_FLAGS: ReadonlySet<string> = new Set();

export function trendChartRows(trend: TrendSeriesInput, flagged: ReadonlySet<string> = NO_FLAGS): TrendChartRow[] {
  const labels = monthAxisLabels(trend.months, flagged);
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
export function indexAxis(
  rows: readonly TrendChartRow[],
  services: readonly ServiceId[],
): { domain: [number, number]; ticks: number[] } {
  let max = 0;
  for (const r of rows) for (const s of services) max = Math.max(max, Math.abs(r[s] ?? 0));
  const m = Math.max(1, Math.ceil(max - 1e-9));
  return { domain: [-m, m], ticks: Array.from({ length: 2 * m + 1 }, (_, i) => i - m) };
}

/** The single-service view: the segment's value and Seoul's (population-weighted) level per month. */
export interface ServiceTrendRow {
  month: string;
  label: string;
  segment: number;
  seoul: number;
}

export function serviceTrendRows(
  months: readonly string[],
  segment: readonly number[],
  seoul: readonly number[],
  flagged: ReadonlySet<string> = NO_FLAGS,
): ServiceTrendRow[] {
  const labels = monthAxisLabels(months, flagged);
  return months.map((month, i) => ({ month, label: labels[i]!, segment: segment[i]!, seoul: seoul[i]! }));
}

/**
 * A y-axis on the service's own scale: round ticks (d3's "nice" steps of 1, 2 or 5 × 10ⁿ) spanning
 * both lines. Not forced to 0: the values are the provider's measures, some negative, and a line
 * chart compares months, not lengths. A flat series still gets an axis of one step around its value.
 */
export function valueAxis(
  rows: readonly ServiceTrendRow[],
  tickCount = 5,
): { domain: [number, number]; ticks: number[] } {
  const values = rows.flatMap((r) => [r.segment, r.seoul]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo)) return { domain: [0, 1], ticks: [0, 1] };
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const scale = scaleLinear().domain([lo, hi]).nice(tickCount);
  const [a, b] = scale.domain() as [number, number];
  return { domain: [a, b], ticks: scale.ticks(tickCount) };
}
