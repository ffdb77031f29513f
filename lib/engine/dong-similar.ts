import type { Dong } from "@/lib/dongs";
import { finiteMean, finiteZ, type DongPanel } from "./dong-panel";

/** The 행정동 profiles of a window: which measures they use and each 행정동's standardized values. */
export interface DongProfiles {
  /** Measure ids in the panel's order: those every 행정동 has a figure for in the window and that vary. */
  measures: string[];
  /** z[dong][measure], in `measures` order. */
  z: number[][];
}

/**
 * Each 행정동's profile: for every measure of the window (the 관심집단 counts are not measures), the
 * unweighted mean over all its segments (both sexes, all bands) and months, standardized across the
 * 행정동 (population SD). A measure some 행정동 lacks, or on which all are equal, is left out, so every
 * distance is over the same measures.
 */
export function dongProfiles(panel: DongPanel): DongProfiles {
  const members = panel.dongs.map(() => [] as number[]);
  panel.segments.forEach((s, i) => members[s.dong]!.push(i));
  const measures: string[] = [];
  const columns: (number | null)[][] = [];
  for (const [id, m] of panel.measures) {
    const present = m.months.filter((x): x is Float64Array => x !== undefined);
    if (present.length === 0) continue;
    const means = members.map((segs) => finiteMean(present.flatMap((month) => segs.map((s) => month[s]!))));
    if (!means.every(Number.isFinite)) continue;
    const z = finiteZ(means);
    if (z.some((v) => v === null)) continue;
    measures.push(id);
    columns.push(z);
  }
  return { measures, z: panel.dongs.map((_, d) => columns.map((c) => c[d]!)) };
}

export interface LookAlike {
  dong: Dong;
  /** Root mean square of the profile differences (in SDs across the 행정동). */
  distance: number;
  rank: number;
}

/** The `limit` 행정동 nearest to `dong` (an index into panel.dongs), itself excluded; ties by code. */
export function lookAlikes(panel: DongPanel, profiles: DongProfiles, dong: number, limit: number): LookAlike[] {
  const k = profiles.measures.length;
  if (k === 0) return [];
  const own = profiles.z[dong]!;
  return (
    panel.dongs
      .map((d, i) => ({ d, i, distance: Math.sqrt(profiles.z[i]!.reduce((s, v, j) => s + (v - own[j]!) ** 2, 0) / k) }))
      .filter((x) => x.i !== dong)
      // Distances equal in exact arithmetic may differ by ~1e-16: rounded at 1e-9 so the code decides ties.
      .sort((a, b) => Math.round(a.distance * 1e9) - Math.round(b.distance * 1e9) || a.d.code.localeCompare(b.d.code))
      .slice(0, limit)
      .map((x, r) => ({ dong: x.d, distance: x.distance, rank: r + 1 }))
  );
}
