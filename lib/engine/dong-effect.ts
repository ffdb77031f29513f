import type { District } from "@/lib/districts";
import type { Age, Sex, SexFilter } from "@/lib/domain";
import type { Dong } from "@/lib/dongs";
import { compareDesc, tieKey } from "@/lib/stats";
import type { MeasureKind } from "@/lib/dataset/measures";
import { finiteMean, finiteZ, type DongPanel } from "./dong-panel";

/** One 행정동's row of the 행정동 effect (like the district effect, one level finer). */
export interface DongEffect {
  dong: Dong;
  /** The group's window-mean value (T: F and M weighted by their window-mean populations). */
  usage: number;
  /** (usage − mean over the 행정동 in scope) ÷ population SD over them; null when all are equal. */
  dongZ: number | null;
  /** 100 × usage ÷ that mean, for count measures only; null otherwise. */
  index: number | null;
  /** Window-mean population of the group, rounded (T: of F + M). */
  population: number;
  /** 1 = highest dongZ; ties by code. */
  rank: number;
}

/** What the effect needs of one measure: each segment's window mean value and population. */
export interface WindowFigures {
  kind: MeasureKind;
  value: ArrayLike<number>;
  population: ArrayLike<number>;
}

/** segment index by `dong:sex:age`. */
export function segmentLookup(panel: DongPanel): (dong: number, sex: Sex, age: Age) => number | undefined {
  const at = new Map(panel.segments.map((s, i) => [`${s.dong}:${s.sex}:${s.age}`, i]));
  return (dong, sex, age) => at.get(`${dong}:${sex}:${age}`);
}

/**
 * The 행정동 effect of one sex × age group: the 행정동 in scope (one district's, or all) compared with
 * each other with sex and age held fixed. A 행정동 with no figure for the group is left out. `find` may be
 * given when many effects are asked of one panel (the /audience 행정동 table asks 12 per district).
 */
export function dongEffect(
  panel: DongPanel,
  figures: WindowFigures,
  sex: SexFilter,
  age: Age,
  scope: District | null,
  find = segmentLookup(panel),
): DongEffect[] {
  const groups = panel.dongs.flatMap((d, i) => {
    if (scope && d.districtCode !== scope.code) return [];
    const found = (sex === "T" ? (["F", "M"] as const) : [sex]).map((s) => find(i, s, age));
    if (found.some((m) => m === undefined)) return [];
    const members = found as number[];
    const value = (m: number) => figures.value[m]!,
      pop = (m: number) => figures.population[m]!;
    const people = members.reduce((sum, m) => sum + pop(m), 0);
    // Weighted by population: the group's usage is that of its average member, not of its average segment.
    const usage =
      members.length === 1 ? value(members[0]!) : members.reduce((sum, m) => sum + value(m) * pop(m), 0) / people;
    return Number.isFinite(usage) ? [{ dong: d, usage, people }] : [];
  });
  const avg = finiteMean(groups.map((g) => g.usage));
  const z = finiteZ(groups.map((g) => g.usage));
  const count = figures.kind === "count";
  return groups
    .map((g, i) => ({
      dong: g.dong,
      usage: g.usage,
      dongZ: z[i] ?? null,
      index: count ? (100 * g.usage) / avg : null,
      population: Math.round(g.people),
    }))
    .sort((a, b) => compareDesc(tieKey(a.dongZ), tieKey(b.dongZ)) || a.dong.code.localeCompare(b.dong.code))
    .map((row, i) => ({ ...row, rank: i + 1 }));
}
