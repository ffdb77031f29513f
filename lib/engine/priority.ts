import { SERVICE_IDS, type ServiceId } from "@/lib/domain";
import { mean, rankDesc, zScores } from "@/lib/stats";
import type { Segment } from "./segments";

export interface ServiceScore {
  service: ServiceId;
  /** null only when every segment has the same value, so there is nothing to standardize against. */
  z: number | null;
  rank: number;
}

export interface BestMonth {
  month: string;
  /** The segment's usage that month, in the service's own unit. */
  value: number;
  /** value − the segment's mean over all months, same unit (never a ratio: some services are negative indices). */
  diff: number;
}

export interface PriorityResult {
  overall: ServiceScore[];
  monthly: { month: string; ranking: ServiceScore[] }[];
  bestMonths: { service: ServiceId; months: BestMonth[] }[];
}

/** z[service][segmentIndex]: each segment's mean usage standardized across all segments. */
export type OverallZ = Record<ServiceId, (number | null)[]>;

export function overallZ(segments: readonly Segment[]): OverallZ {
  return Object.fromEntries(SERVICE_IDS.map((s) => [s, zScores(segments.map((seg) => seg.meanUsage[s]))])) as OverallZ;
}

/** monthlyZ[monthIndex][service][segmentIndex]: standardized within that month. */
export function monthlyZ(segments: readonly Segment[], monthCount: number): OverallZ[] {
  return Array.from({ length: monthCount }, (_, m) =>
    Object.fromEntries(SERVICE_IDS.map((s) => [s, zScores(segments.map((seg) => seg.series[s][m]!))])) as OverallZ,
  );
}

function ranking(z: OverallZ, segmentIndex: number): ServiceScore[] {
  return rankDesc(SERVICE_IDS, (s) => z[s][segmentIndex]!).map(({ item, rank }) => ({ service: item, z: z[item][segmentIndex]!, rank }));
}

const BEST_MONTH_COUNT = 3;

/** The months with the highest usage, highest first; ties keep calendar order. */
export function bestMonths(months: readonly string[], values: readonly number[]): BestMonth[] {
  const avg = mean(values);
  return months
    .map((month, i) => ({ month, value: values[i]!, diff: values[i]! - avg }))
    .sort((a, b) => b.value - a.value || a.month.localeCompare(b.month))
    .slice(0, BEST_MONTH_COUNT);
}

export function priorityOf(
  segments: readonly Segment[],
  segmentIndex: number,
  months: readonly string[],
  zOverall: OverallZ,
  zMonthly: readonly OverallZ[],
): PriorityResult {
  const seg = segments[segmentIndex]!;
  const overall = ranking(zOverall, segmentIndex);
  return {
    overall,
    monthly: months.map((month, m) => ({ month, ranking: ranking(zMonthly[m]!, segmentIndex) })),
    // In priority order, so the best months of the top services come first.
    bestMonths: overall.map(({ service }) => ({ service, months: bestMonths(months, seg.series[service]) })),
  };
}
