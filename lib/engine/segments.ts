import { DISTRICTS, type District } from "@/lib/districts";
import { AGES, SERVICE_IDS, segmentId, type Age, type SegmentKey, type ServiceId, type Sex } from "@/lib/domain";
import type { Dataset } from "@/lib/dataset/types";
import { mean } from "@/lib/stats";

/** A segment's figures arranged for analysis: one series per service, indexed like `months`. */
export interface Segment {
  id: string;
  district: District;
  sex: Sex;
  age: Age;
  /** Provider population per month (fractional). */
  population: number[];
  /** Mean population over the months, unrounded. */
  meanPopulation: number;
  series: Record<ServiceId, number[]>;
  /** Each service's mean over the months: the figure the priority z-scores standardize. */
  meanUsage: Record<ServiceId, number>;
}

/**
 * Groups a validated dataset's rows into its 300 segments, in canonical order (district, sex, age).
 * The dataset was checked complete, so every slot is filled.
 */
export function buildSegments(dataset: Dataset): { months: string[]; segments: Segment[] } {
  const months = dataset.meta.months;
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const byId = new Map<string, Segment>();
  const segments: Segment[] = [];
  for (const district of DISTRICTS) {
    for (const sex of ["F", "M"] as const) {
      for (const age of AGES) {
        const seg: Segment = {
          id: segmentId({ districtCode: district.code, sex, age }),
          district,
          sex,
          age,
          population: new Array<number>(months.length).fill(NaN),
          meanPopulation: NaN,
          series: Object.fromEntries(SERVICE_IDS.map((s) => [s, new Array<number>(months.length).fill(NaN)])) as Record<ServiceId, number[]>,
          meanUsage: {} as Record<ServiceId, number>,
        };
        byId.set(seg.id, seg);
        segments.push(seg);
      }
    }
  }
  for (const row of dataset.rows) {
    const seg = byId.get(segmentId(row))!;
    const i = monthIndex.get(row.month)!;
    seg.population[i] = row.population;
    for (const s of SERVICE_IDS) seg.series[s][i] = row.usage[s];
  }
  for (const seg of segments) {
    seg.meanPopulation = mean(seg.population);
    for (const s of SERVICE_IDS) seg.meanUsage[s] = mean(seg.series[s]);
  }
  return { months, segments };
}

export function keyOf(seg: Segment): SegmentKey {
  return { districtCode: seg.district.code, sex: seg.sex, age: seg.age };
}
