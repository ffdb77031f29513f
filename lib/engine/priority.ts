import { SERVICE_IDS, type Basis, type ServiceId } from "@/lib/domain";
import { compareDesc, mean, rankDesc, tieKey, zScores } from "@/lib/stats";
import { seriesOn, type SegmentSeries } from "./segments";

export interface ServiceScore {
  service: ServiceId;
  /** null only when every segment has the same value, so there is nothing to standardize against. */
  z: number | null;
  rank: number;
}

export interface BestMonth {
  month: string;
  /** The segment's usage that month on the requested basis, in the service's own unit. */
  value: number;
  /** value − the segment's mean over all months, same unit (never a ratio: some services are negative indices). */
  diff: number;
}

export interface StandoutMonth {
  month: string;
  /** The segment's within-month z: its value standardized across all segments that month. */
  z: number;
}

export interface PriorityResult {
  overall: ServiceScore[];
  monthly: { month: string; ranking: ServiceScore[] }[];
  /** All seven services in overall rank order: the months of highest usage on the basis. */
  bestMonths: { service: ServiceId; months: BestMonth[] }[];
  /** All seven services in overall rank order: the months the segment stands out most from everyone else. */
  standoutMonths: { service: ServiceId; months: StandoutMonth[] }[];
}

/** z[service][segmentIndex]: each segment's mean usage standardized across all segments. */
export type ZTable = Record<ServiceId, (number | null)[]>;

export function overallZ(segments: readonly SegmentSeries[]): ZTable {
  return Object.fromEntries(SERVICE_IDS.map((s) => [s, zScores(segments.map((seg) => seg.meanUsage[s]))])) as ZTable;
}

/**
 * monthlyZ[monthIndex][service][segmentIndex]: standardized within that month. Dividing by the days
 * of the month scales every segment alike, so these are the same on either basis.
 */
export function monthlyZ(segments: readonly SegmentSeries[], monthCount: number): ZTable[] {
  return Array.from(
    { length: monthCount },
    (_, m) =>
      Object.fromEntries(SERVICE_IDS.map((s) => [s, zScores(segments.map((seg) => seg.series[s][m]!))])) as ZTable,
  );
}

function ranking(z: ZTable, segmentIndex: number): ServiceScore[] {
  return rankDesc(SERVICE_IDS, (s) => z[s][segmentIndex]!).map(({ item, rank }) => ({
    service: item,
    z: z[item][segmentIndex]!,
    rank,
  }));
}

const MONTH_COUNT = 3;

/** The months with the highest usage, highest first; ties keep calendar order. */
export function bestMonths(months: readonly string[], values: readonly number[]): BestMonth[] {
  const avg = mean(values);
  return months
    .map((month, i) => ({ month, value: values[i]!, diff: values[i]! - avg }))
    .sort((a, b) => b.value - a.value || a.month.localeCompare(b.month))
    .slice(0, MONTH_COUNT);
}

/**
 * The months with the highest within-month z, highest first; ties keep calendar order. A month where
 * the service has no spread across segments (z null) cannot show the segment standing out, so it is
 * left out rather than listed with no figure.
 */
export function standoutMonths(months: readonly string[], zs: readonly (number | null)[]): StandoutMonth[] {
  return months
    .map((month, i) => ({ month, z: zs[i] ?? null }))
    .filter((m): m is StandoutMonth => m.z !== null)
    .sort((a, b) => compareDesc(tieKey(a.z), tieKey(b.z)) || a.month.localeCompare(b.month))
    .slice(0, MONTH_COUNT);
}

/** Best months of every service on the basis, in the given (overall rank) order. */
export function bestMonthsOf(
  seg: SegmentSeries,
  months: readonly string[],
  order: readonly ServiceScore[],
  basis: Basis,
): PriorityResult["bestMonths"] {
  return order.map(({ service }) => ({ service, months: bestMonths(months, seriesOn(seg, service, basis)) }));
}

export function priorityOf(
  seg: SegmentSeries,
  segmentIndex: number,
  months: readonly string[],
  zOverall: ZTable,
  zMonthly: readonly ZTable[],
  basis: Basis,
): PriorityResult {
  const overall = ranking(zOverall, segmentIndex);
  // In priority order, so the months of the top services come first.
  return {
    overall,
    monthly: months.map((month, m) => ({ month, ranking: ranking(zMonthly[m]!, segmentIndex) })),
    bestMonths: bestMonthsOf(seg, months, overall, basis),
    standoutMonths: overall.map(({ service }) => ({
      service,
      months: standoutMonths(
        months,
        zMonthly.map((z) => z[service][segmentIndex]!),
      ),
    })),
  };
}
