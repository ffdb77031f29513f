import { GROUP_BY_ID, MEASURE_BY_ID, type ColumnId, type GroupId } from "@/lib/dataset/measures";
import { windowMonths } from "@/lib/dataset/window";
import type { AnalysisWindow, LoadedDataset } from "@/lib/dataset/types";
import { zScores } from "@/lib/stats";

/** One measure of a segment's "생활 지표" profile. */
export interface ProfileMeasure {
  measure: string;
  /** The segment's mean over `months` of its monthly value, in the measure's unit. */
  value: number;
  /** That mean standardized across the 300 segments (population SD); null when all are equal. */
  z: number | null;
  /** The window's months that have the measure (the mean is over these). */
  months: string[];
}

/** One 관심집단 of a segment. */
export interface ProfileGroup {
  group: GroupId;
  /** People: the mean over `months` of the segment's monthly sum. */
  count: number;
  /** count ÷ the segment's mean population over the same months. */
  share: number;
  months: string[];
}

export interface SegmentProfiles {
  /** Per segment (canonical order), the measures the window has, in MEASURES order. */
  measures: ProfileMeasure[][];
  groups: ProfileGroup[][];
}

const CELLS = 300;

/**
 * Every segment's profile for a window: each measure and group that at least one month of the window
 * has, averaged over the months that have it (months listed), so a window reaching past a measure's
 * months still shows it — over its months, said beside it.
 */
export function segmentProfiles(data: LoadedDataset, w: AnalysisWindow): SegmentProfiles {
  const months = windowMonths(data.meta, w).map((m) => data.districtMonths.get(m)!);
  const measures: ProfileMeasure[][] = Array.from({ length: CELLS }, () => []);
  const groups: ProfileGroup[][] = Array.from({ length: CELLS }, () => []);
  const meanOf = (id: ColumnId, over: typeof months) => {
    const out = new Float64Array(CELLS);
    for (const m of over) {
      const col = m.columns[id]!;
      for (let c = 0; c < CELLS; c++) out[c] = out[c]! + col[c]! / over.length;
    }
    return out;
  };
  for (const def of MEASURE_BY_ID.values()) {
    const id = def.id as ColumnId;
    const have = months.filter((m) => m.columns[id]);
    if (!have.length) continue;
    const means = meanOf(id, have);
    const z = zScores([...means]);
    const names = have.map((m) => m.month);
    for (let c = 0; c < CELLS; c++) measures[c]!.push({ measure: id, value: means[c]!, z: z[c]!, months: names });
  }
  for (const def of GROUP_BY_ID.values()) {
    const id = def.id as GroupId;
    const have = months.filter((m) => m.columns[id] && m.columns.population);
    if (!have.length) continue;
    const counts = meanOf(id, have);
    const population = meanOf("population", have);
    const names = have.map((m) => m.month);
    for (let c = 0; c < CELLS; c++)
      groups[c]!.push({ group: id, count: counts[c]!, share: counts[c]! / population[c]!, months: names });
  }
  return { measures, groups };
}
