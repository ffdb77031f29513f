import { DISTRICTS, type District } from "@/lib/districts";
import type { Dong } from "@/lib/dongs";
import {
  AGES,
  SERVICE_IDS,
  SEXES,
  onBasis,
  type Age,
  type Basis,
  type SegmentKey,
  type ServiceId,
  type Sex,
} from "@/lib/domain";
import type { Dataset } from "@/lib/dataset/types";
import { mean } from "@/lib/stats";

/** A segment's figures arranged for analysis: one series per service, indexed like `months`. */
export interface SegmentSeries {
  district: District;
  /** The 행정동 of a 행정동 segment's series (a plan at the 행정동 grain, dong-plan.ts); district segments have none. */
  dong?: Dong;
  sex: Sex;
  age: Age;
  /** Provider population per month (fractional). */
  population: number[];
  /** Mean population over the months, unrounded. */
  meanPopulation: number;
  /** Each service as published, per month. */
  series: Record<ServiceId, number[]>;
  /** Each service on the day basis: counts ÷ days in the month, indices unchanged. */
  daily: Record<ServiceId, number[]>;
  /** Each service's mean over the months: the figure the priority z-scores standardize. */
  meanUsage: Record<ServiceId, number>;
}

/** The service's monthly series on a basis. */
export function seriesOn(seg: SegmentSeries, service: ServiceId, basis: Basis): number[] {
  return basis === "day" ? seg.daily[service] : seg.series[service];
}

const districtIndex = new Map(DISTRICTS.map((d, i) => [d.code, i]));

/**
 * Position of a segment in the canonical order (district, sex F before M, age): the array index the
 * engine's precomputed tables use. Throws for a district that is not one of the 25 — keys are built
 * from parsed parameters, so that is a programming error, not bad input.
 */
export function segmentIndex(district: District | string, sex: Sex, age: Age): number {
  const code = typeof district === "string" ? district : district.code;
  const d = districtIndex.get(code);
  const s = SEXES.indexOf(sex);
  const a = AGES.indexOf(age);
  if (d === undefined || s < 0 || a < 0) throw new RangeError(`no such segment: ${code} ${sex} ${age}`);
  return (d * SEXES.length + s) * AGES.length + a;
}

export function indexOfKey(key: SegmentKey): number {
  return segmentIndex(key.district, key.sex, key.age);
}

/**
 * Groups a validated dataset's rows into its 300 segments, in canonical order (district, sex, age).
 * The dataset was checked complete, so every slot is filled.
 */
export function buildSegments(dataset: Dataset): { months: string[]; segments: SegmentSeries[] } {
  const months = dataset.meta.months;
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const empty = () =>
    Object.fromEntries(SERVICE_IDS.map((s) => [s, new Array<number>(months.length).fill(NaN)])) as Record<
      ServiceId,
      number[]
    >;
  const segments: SegmentSeries[] = [];
  for (const district of DISTRICTS) {
    for (const sex of SEXES) {
      for (const age of AGES) {
        segments.push({
          district,
          sex,
          age,
          population: new Array<number>(months.length).fill(NaN),
          meanPopulation: NaN,
          series: empty(),
          daily: empty(),
          meanUsage: {} as Record<ServiceId, number>,
        });
      }
    }
  }
  for (const row of dataset.rows) {
    const seg = segments[segmentIndex(row.districtCode, row.sex, row.age)]!;
    const i = monthIndex.get(row.month)!;
    seg.population[i] = row.population;
    for (const s of SERVICE_IDS) {
      seg.series[s][i] = row.usage[s];
      seg.daily[s][i] = onBasis(row.usage[s], s, row.month, "day");
    }
  }
  for (const seg of segments) {
    seg.meanPopulation = mean(seg.population);
    for (const s of SERVICE_IDS) seg.meanUsage[s] = mean(seg.series[s]);
  }
  return { months, segments };
}
