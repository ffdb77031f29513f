import type { District } from "@/lib/districts";
import { SERVICE_IDS, type Age, type ServiceId, type Sex } from "@/lib/domain";
import { pearson, rankDesc } from "@/lib/stats";
import type { ZTable } from "./priority";
import type { SeoulLevels } from "./seasonality";
import type { SegmentSeries } from "./segments";

export interface RelatedService {
  service: ServiceId;
  /** Pearson r of the two monthly series; null when either is constant. */
  r: number | null;
}

export interface ServiceZ {
  service: ServiceId;
  z: number | null;
}

export interface Target {
  district: District;
  sex: Sex;
  age: Age;
  z: number | null;
  /** Mean population over the months, rounded. */
  population: number;
  /** Mean usage of the chosen service over the months, in its own unit. */
  usage: number;
  /** r of the raw monthly series (as published; dominated by city-wide shifts every segment shares). */
  related: RelatedService[];
  /** r of the series after removing the Seoul level and month length: see relatedAdjusted(). */
  relatedAdjusted: RelatedService[];
  /** The other services this segment over-uses most: top 3 by its own overall z. */
  alsoUses: ServiceZ[];
}

function rankByR(service: ServiceId, r: (other: ServiceId) => number | null): RelatedService[] {
  const others = SERVICE_IDS.filter((s) => s !== service);
  const rs = new Map(others.map((s) => [s, r(s)]));
  return rankDesc(others, (s) => rs.get(s)!).map(({ item }) => ({ service: item, r: rs.get(item)! }));
}

/** The other six services ranked by how closely this segment's monthly series move with the chosen one. */
export function relatedServices(seg: SegmentSeries, service: ServiceId): RelatedService[] {
  return rankByR(service, (s) => pearson(seg.series[service], seg.series[s]));
}

/**
 * The segment's residual series e[m] = v_day(m) − Seoul level_day(m): what is left of its month-to-month
 * movement once the city-wide shift and the month's length are taken out.
 */
export function residuals(seg: SegmentSeries, service: ServiceId, levelsDay: SeoulLevels): number[] {
  return seg.daily[service].map((v, m) => {
    const level = levelsDay[service][m]!;
    const e = v - level;
    // A segment at exactly the Seoul level leaves rounding noise (~1e-17) from the weighted mean; r of
    // noise would be a confident ±1 about nothing, so it counts as no difference at all.
    return Math.abs(e) <= 1e-12 * Math.max(Math.abs(v), Math.abs(level)) ? 0 : e;
  });
}

/**
 * The other six services ranked by Pearson r of residual series (nulls last, then r desc, ties in
 * service order): services that move with the chosen one in this segment beyond what all of Seoul does.
 */
export function relatedAdjusted(
  seg: SegmentSeries,
  service: ServiceId,
  levelsDay: SeoulLevels,
  residualsOf = (s: ServiceId) => residuals(seg, s, levelsDay),
): RelatedService[] {
  const own = residualsOf(service);
  return rankByR(service, (s) => pearson(own, residualsOf(s)));
}

/** residualsBySegment[segmentIndex][service]: each segment's residual series (see residuals()). */
export function residualsBySegment(
  segments: readonly SegmentSeries[],
  levelsDay: SeoulLevels,
): Record<ServiceId, number[]>[] {
  return segments.map(
    (seg) =>
      Object.fromEntries(SERVICE_IDS.map((s) => [s, residuals(seg, s, levelsDay)])) as Record<ServiceId, number[]>,
  );
}

const ALSO_USES = 3;

/** The other six services ranked by the segment's own overall z (nulls last, ties in service order), top 3. */
export function alsoUses(zOverall: ZTable, segmentIndex: number, service: ServiceId): ServiceZ[] {
  const others = SERVICE_IDS.filter((s) => s !== service);
  return rankDesc(others, (s) => zOverall[s][segmentIndex]!)
    .slice(0, ALSO_USES)
    .map(({ item }) => ({ service: item, z: zOverall[item][segmentIndex]! }));
}

/** All segments ranked by the service's z (highest first); callers slice to the limit they need. */
export function rankTargets(
  segments: readonly SegmentSeries[],
  z: ZTable,
  levelsDay: SeoulLevels,
  service: ServiceId,
  residualTable?: readonly Record<ServiceId, number[]>[],
): Target[] {
  // Residual series are shared by the seven services' rankings; the engine passes them precomputed.
  const table = residualTable ?? residualsBySegment(segments, levelsDay);
  return rankDesc(
    segments.map((seg, i) => ({ seg, i, z: z[service][i]! })),
    (t) => t.z,
  ).map(({ item: { seg, i, z: zs } }) => ({
    district: seg.district,
    sex: seg.sex,
    age: seg.age,
    z: zs,
    population: Math.round(seg.meanPopulation),
    usage: seg.meanUsage[service],
    related: relatedServices(seg, service),
    relatedAdjusted: relatedAdjusted(seg, service, levelsDay, (s) => table[i]![s]),
    alsoUses: alsoUses(z, i, service),
  }));
}
