import type { District } from "@/lib/districts";
import {
  AGES,
  AUDIENCE_SORTS,
  SEXES,
  type Age,
  type AudienceSort,
  type SegmentKey,
  type ServiceId,
  type Sex,
} from "@/lib/domain";
import { compareDesc, tieKey } from "@/lib/stats";
import type { DistrictEffect } from "./district-effect";
import type { ZTable } from "./priority";
import type { SegmentSeries } from "./segments";

export interface AudienceRow {
  segment: SegmentKey;
  /** Mean population over the months, rounded. */
  population: number;
  /** Mean usage of the service over the months, in its own unit. */
  usage: number;
  /** Across all 300 segments, as in targets. */
  z: number | null;
  /** Within the segment's own sex × age group, across the 25 districts (the district effect). */
  districtZ: number | null;
  /**
   * round(population × max(z, 0)): people weighted by how much they over-use the service, so a large
   * segment that over-uses a little can outrank a tiny one that over-uses a lot. 0 for under-users.
   */
  score: number;
}

export { AUDIENCE_SORTS, type AudienceSort };

export interface AudienceFilter {
  sex?: Sex;
  age?: Age;
  district?: District;
}

/**
 * Every segment's row for one service, in canonical order (district, sex, age). `effect(sex, age)` is
 * the district effect of the segment's own group.
 */
export function audienceRows(
  segments: readonly SegmentSeries[],
  zOverall: ZTable,
  service: ServiceId,
  effect: (sex: Sex, age: Age) => readonly DistrictEffect[],
): AudienceRow[] {
  return segments.map((seg, i) => {
    const population = Math.round(seg.meanPopulation);
    const z = zOverall[service][i]!;
    return {
      segment: { district: seg.district, sex: seg.sex, age: seg.age },
      population,
      usage: seg.meanUsage[service],
      z,
      districtZ: effect(seg.sex, seg.age).find((d) => d.district.code === seg.district.code)!.districtZ,
      score: Math.round(population * Math.max(z ?? 0, 0)),
    };
  });
}

/** Highest first, nulls last; ties by district code, sex (F before M), age. */
export function sortAudience(rows: readonly AudienceRow[], sort: AudienceSort): AudienceRow[] {
  const keyed = rows.map((row) => ({ row, key: tieKey(row[sort]) }));
  keyed.sort(
    (a, b) =>
      compareDesc(a.key, b.key) ||
      a.row.segment.district.code.localeCompare(b.row.segment.district.code) ||
      SEXES.indexOf(a.row.segment.sex) - SEXES.indexOf(b.row.segment.sex) ||
      AGES.indexOf(a.row.segment.age) - AGES.indexOf(b.row.segment.age),
  );
  return keyed.map((k) => k.row);
}

export function matchesFilter(row: AudienceRow, f: AudienceFilter): boolean {
  return (
    (f.sex === undefined || row.segment.sex === f.sex) &&
    (f.age === undefined || row.segment.age === f.age) &&
    (f.district === undefined || row.segment.district.code === f.district.code)
  );
}
