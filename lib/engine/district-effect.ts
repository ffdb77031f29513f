import { DISTRICTS, type District } from "@/lib/districts";
import { unitKind, type Age, type ServiceId, type SexFilter } from "@/lib/domain";
import { compareDesc, mean, tieKey, zScores } from "@/lib/stats";
import { segmentIndex, type SegmentSeries } from "./segments";

/**
 * What the district itself adds for one sex × age group: the 25 districts compared with each other
 * with sex and age held fixed, so "20대 여성 in 강남구" is measured against 20대 여성 elsewhere, not
 * against everyone (where age and sex dominate every ranking).
 */
export interface DistrictEffect {
  district: District;
  /** The group's 9-month mean usage in this district (T: F and M weighted by their mean populations). */
  usage: number;
  /** (usage − mean over the 25 districts) ÷ population SD over the 25; null when all 25 are equal. */
  districtZ: number | null;
  /** 100 × usage ÷ the mean over the 25, for count services; null for index services (no ratios). */
  index: number | null;
  /** Mean population over the months, rounded (T: of F + M). */
  population: number;
  /** 1 = highest districtZ; ties by district code. */
  rank: number;
}

export function districtEffect(
  segments: readonly SegmentSeries[],
  service: ServiceId,
  sex: SexFilter,
  age: Age,
): DistrictEffect[] {
  const groups = DISTRICTS.map((d) => {
    const members = (sex === "T" ? (["F", "M"] as const) : [sex]).map((s) => segments[segmentIndex(d, s, age)]!);
    const people = members.reduce((sum, seg) => sum + seg.meanPopulation, 0);
    // Weighted by mean population: the group's usage is that of its average member, not of its average segment.
    const usage =
      members.length === 1
        ? members[0]!.meanUsage[service]
        : members.reduce((sum, seg) => sum + seg.meanUsage[service] * seg.meanPopulation, 0) / people;
    return { district: d, usage, people };
  });
  const usages = groups.map((g) => g.usage);
  const avg = mean(usages);
  const z = zScores(usages);
  const count = unitKind(service) === "count";
  return groups
    .map((g, i) => ({
      district: g.district,
      usage: g.usage,
      districtZ: z[i]!,
      index: count ? (100 * g.usage) / avg : null,
      population: Math.round(g.people),
    }))
    .sort(
      (a, b) => compareDesc(tieKey(a.districtZ), tieKey(b.districtZ)) || a.district.code.localeCompare(b.district.code),
    )
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
