import { DISTRICTS, type District } from "@/lib/districts";
import { ageMidpoint, type Age, type SexFilter } from "@/lib/domain";
import { rankDesc } from "@/lib/stats";
import { segmentIndex, type SegmentSeries } from "./segments";

export interface DistrictPopulation {
  district: District;
  population: number;
  rank: number;
}

export interface DistrictAverageAge {
  district: District;
  /** Population-weighted mean of band midpoints (20대 → 25 … 70대 → 75), in years. */
  averageAge: number;
  /** 1 = oldest. */
  rank: number;
}

/**
 * Mean population of one district × age band over the months, rounded once at the end (T rounds
 * F + M, so it can differ by 1 from the sum of the rounded sexes; rounding each first drifts from the
 * published totals by up to 3).
 */
function segmentPopulation(segments: readonly SegmentSeries[], code: string, age: Age, sex: SexFilter): number {
  const mean = (s: "F" | "M") => segments[segmentIndex(code, s, age)]!.meanPopulation;
  return Math.round(sex === "T" ? mean("F") + mean("M") : mean(sex));
}

export function populationByDistrict(
  segments: readonly SegmentSeries[],
  age: Age,
  sex: SexFilter,
): DistrictPopulation[] {
  const rows = DISTRICTS.map((d) => ({ district: d, population: segmentPopulation(segments, d.code, age, sex) }));
  return rankDesc(rows, (r) => r.population).map(({ item, rank }) => ({ ...item, rank }));
}

export function averageAgeByDistrict(segments: readonly SegmentSeries[], sex: SexFilter): DistrictAverageAge[] {
  const rows = DISTRICTS.map((d) => {
    let weighted = 0;
    let total = 0;
    for (const seg of segments) {
      if (seg.district.code !== d.code || (sex !== "T" && seg.sex !== sex)) continue;
      weighted += seg.meanPopulation * ageMidpoint(seg.age);
      total += seg.meanPopulation;
    }
    return { district: d, averageAge: total > 0 ? weighted / total : NaN };
  });
  return rankDesc(rows, (r) => (Number.isNaN(r.averageAge) ? null : r.averageAge)).map(({ item, rank }) => ({
    ...item,
    rank,
  }));
}
