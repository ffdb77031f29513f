import { districtRef, type DistrictRef } from "@/lib/districts";
import { SERVICE_IDS, type Age, type ServiceId, type Sex } from "@/lib/domain";
import { pearson, rankDesc } from "@/lib/stats";
import type { OverallZ } from "./priority";
import type { Segment } from "./segments";

export interface RelatedService {
  service: ServiceId;
  /** Pearson r of the two monthly series; null when either is constant. */
  r: number | null;
}

export interface Target {
  district: DistrictRef;
  sex: Sex;
  age: Age;
  z: number | null;
  /** Mean population over the months, rounded. */
  population: number;
  /** Mean usage of the chosen service over the months, in its own unit. */
  usage: number;
  related: RelatedService[];
}

/** The other six services ranked by how closely this segment's monthly series move with the chosen one. */
export function relatedServices(seg: Segment, service: ServiceId): RelatedService[] {
  const others = SERVICE_IDS.filter((s) => s !== service);
  const r = new Map(others.map((s) => [s, pearson(seg.series[service], seg.series[s])]));
  return rankDesc(others, (s) => r.get(s)!).map(({ item }) => ({ service: item, r: r.get(item)! }));
}

/** All segments ranked by the service's z (highest first); callers slice to the limit they need. */
export function rankTargets(segments: readonly Segment[], z: OverallZ, service: ServiceId): Target[] {
  return rankDesc(
    segments.map((seg, i) => ({ seg, z: z[service][i]! })),
    (t) => t.z,
  ).map(({ item: { seg, z: zs } }) => ({
    district: districtRef(seg.district),
    sex: seg.sex,
    age: seg.age,
    z: zs,
    population: Math.round(seg.meanPopulation),
    usage: seg.meanUsage[service],
    related: relatedServices(seg, service),
  }));
}
