import { districtRef, type DistrictRef } from "@/lib/districts";
import { AGES, SERVICE_IDS, SEX_FILTERS, segmentId, type Age, type SegmentKey, type ServiceId, type Sex, type SexFilter } from "@/lib/domain";
import type { Dataset, DatasetMeta } from "@/lib/dataset/types";
import { correlationMatrix, type CorrelationMatrix } from "./correlation";
import { averageAgeByDistrict, populationByDistrict, type DistrictAverageAge, type DistrictPopulation } from "./population";
import { monthlyZ, overallZ, priorityOf, type PriorityResult } from "./priority";
import { buildSegments, type Segment } from "./segments";
import { rankTargets, type Target } from "./targets";

export type { CorrelationMatrix, DistrictAverageAge, DistrictPopulation, PriorityResult, Target };
export type { BestMonth, ServiceScore } from "./priority";
export type { RelatedService } from "./targets";

export interface SegmentInfo {
  district: DistrictRef;
  sex: Sex;
  age: Age;
  /** Mean population over the months, rounded. */
  population: number;
}

export interface TrendResult {
  months: string[];
  series: { service: ServiceId; values: number[] }[];
}

/**
 * The analysis over one loaded dataset. Everything a request can ask for is computed here, once, so
 * serving a request is a lookup.
 */
export interface Engine {
  meta: DatasetMeta;
  months: readonly string[];
  segment(key: SegmentKey): SegmentInfo | undefined;
  priority(key: SegmentKey): PriorityResult | undefined;
  trend(key: SegmentKey): TrendResult | undefined;
  /** Segments ranked by the service's z; limit 1–300. */
  targets(service: ServiceId, limit: number): Target[];
  population(age: Age, sex: SexFilter): DistrictPopulation[];
  averageAge(sex: SexFilter): DistrictAverageAge[];
  correlation(age: Age, sex?: Sex): CorrelationMatrix;
}

export function createEngine(dataset: Dataset): Engine {
  const { months, segments } = buildSegments(dataset);
  const zOverall = overallZ(segments);
  const zMonthly = monthlyZ(segments, months.length);

  const info = new Map<string, SegmentInfo>();
  const priority = new Map<string, PriorityResult>();
  const trend = new Map<string, TrendResult>();
  segments.forEach((seg: Segment, i) => {
    info.set(seg.id, { district: districtRef(seg.district), sex: seg.sex, age: seg.age, population: Math.round(seg.meanPopulation) });
    priority.set(seg.id, priorityOf(segments, i, months, zOverall, zMonthly));
    trend.set(seg.id, { months: [...months], series: SERVICE_IDS.map((s) => ({ service: s, values: seg.series[s] })) });
  });

  const targets = new Map(SERVICE_IDS.map((s) => [s, rankTargets(segments, zOverall, s)]));
  const population = new Map<string, DistrictPopulation[]>();
  const correlation = new Map<string, CorrelationMatrix>();
  for (const age of AGES) {
    for (const sex of SEX_FILTERS) population.set(`${age}:${sex}`, populationByDistrict(segments, age, sex));
    for (const sex of [undefined, "F", "M"] as const) correlation.set(`${age}:${sex ?? "T"}`, correlationMatrix(segments, age, sex));
  }
  const averageAge = new Map(SEX_FILTERS.map((sex) => [sex, averageAgeByDistrict(segments, sex)]));

  return {
    meta: dataset.meta,
    months,
    segment: (key) => info.get(segmentId(key)),
    priority: (key) => priority.get(segmentId(key)),
    trend: (key) => trend.get(segmentId(key)),
    targets: (service, limit) => targets.get(service)!.slice(0, limit),
    population: (age, sex) => population.get(`${age}:${sex}`)!,
    averageAge: (sex) => averageAge.get(sex)!,
    correlation: (age, sex) => correlation.get(`${age}:${sex ?? "T"}`)!,
  };
}

/** Segment count of a complete dataset: 25 districts × 2 sexes × 6 age bands. */
export const SEGMENT_COUNT = 300;
