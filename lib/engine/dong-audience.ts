import { DISTRICTS } from "@/lib/districts";
import { AGES, SEXES, type Age, type DongAudienceSort, type Sex } from "@/lib/domain";
import type { Dong } from "@/lib/dongs";
import { compareDesc, tieKey } from "@/lib/stats";
import { dongEffect, segmentLookup, type WindowFigures } from "./dong-effect";
import type { DongPanel } from "./dong-panel";

/**
 * One 행정동 segment's row of the /audience table at the 행정동 grain: the district row's figures
 * (lib/engine/audience.ts) one level finer, by the 행정동 definitions (dong-priority.ts, dong-effect.ts).
 */
export interface DongAudienceRow {
  segment: { dong: Dong; sex: Sex; age: Age };
  /** Window-mean population (the sum of the segment's provider rows), rounded. */
  population: number;
  /** Window-mean of the service (each month the unweighted mean of the provider rows); null without a figure. */
  usage: number | null;
  /** The 행정동 priority's z: the window mean standardized across all the window's 행정동 segments. */
  z: number | null;
  /** The 행정동 effect within the segment's own district and sex × age group (dongZ). */
  dongZ: number | null;
  /** That effect's index (100 = the district's 행정동 mean), count services only. */
  index: number | null;
  /** round(population × max(z, 0)), as for district segments. */
  score: number;
}

/**
 * Every 행정동 segment's row for one service, in the panel's order (행정동 code, F before M, age).
 * `z` is the 행정동 priority's overall z of the service (DongPriorities.overallZ); `figures` the window
 * means the 행정동 effect reads. A segment with rows but no figure of the service keeps its row (usage
 * and z null), so the table lists every segment the window has.
 */
export function dongAudienceRows(
  panel: DongPanel,
  z: readonly (number | null)[],
  figures: WindowFigures,
): DongAudienceRow[] {
  const effect = new Map<number, { dongZ: number | null; index: number | null }>();
  const position = new Map(panel.dongs.map((d, i) => [d.code, i]));
  const find = segmentLookup(panel);
  for (const district of DISTRICTS) {
    if (!panel.dongs.some((d) => d.districtCode === district.code)) continue;
    for (const sex of SEXES) {
      for (const age of AGES) {
        for (const row of dongEffect(panel, figures, sex, age, district, find)) {
          const i = find(position.get(row.dong.code)!, sex, age);
          if (i !== undefined) effect.set(i, { dongZ: row.dongZ, index: row.index });
        }
      }
    }
  }
  return panel.segments.flatMap((s, i) => {
    // A segment without provider rows in the window (none in the bundled data) has no row.
    if (!Number.isFinite(figures.population[i]!)) return [];
    const population = Math.round(figures.population[i]!);
    const usage = figures.value[i]!;
    const zi = z[i] ?? null;
    return [
      {
        segment: { dong: panel.dongs[s.dong]!, sex: s.sex, age: s.age },
        population,
        usage: Number.isFinite(usage) ? usage : null,
        z: zi,
        dongZ: effect.get(i)?.dongZ ?? null,
        index: effect.get(i)?.index ?? null,
        score: Math.round(population * Math.max(zi ?? 0, 0)),
      },
    ];
  });
}

/** Highest first, nulls last; ties by 행정동 code, sex (F before M), age. */
export function sortDongAudience(rows: readonly DongAudienceRow[], sort: DongAudienceSort): DongAudienceRow[] {
  const keyed = rows.map((row) => ({ row, key: tieKey(row[sort]) }));
  keyed.sort(
    (a, b) =>
      compareDesc(a.key, b.key) ||
      a.row.segment.dong.code.localeCompare(b.row.segment.dong.code) ||
      SEXES.indexOf(a.row.segment.sex) - SEXES.indexOf(b.row.segment.sex) ||
      AGES.indexOf(a.row.segment.age) - AGES.indexOf(b.row.segment.age),
  );
  return keyed.map((k) => k.row);
}
