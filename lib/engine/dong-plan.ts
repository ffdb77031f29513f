import { SERVICE_IDS, onBasis, type ServiceId } from "@/lib/domain";
import { districtOfDong } from "@/lib/dongs";
import { finiteMean, type DongPanel } from "./dong-panel";
import type { ZTable } from "./priority";
import type { SegmentSeries } from "./segments";

/** What the plan model (plan.ts planOf) reads, for chosen 행정동 segments. */
export interface DongPlanInputs {
  /** The chosen segments, in the order chosen. */
  segments: SegmentSeries[];
  /** The window's months that have the service at 행정동 grain: the campaign's months. */
  months: string[];
  /** Each service's overall z of the chosen segments (the 행정동 priority's, across all the window's 행정동 segments). */
  zOverall: ZTable;
  /** Per campaign month, each service's within-month z of the chosen segments (across that month's 행정동 segments). */
  zMonthly: ZTable[];
}

/**
 * The plan's cells at the 행정동 grain. The plan model is the district one (weight = people × max(within-
 * month z, 0), capacity = reachable people × cap, reach per cell); only the cells come from the 행정동
 * segments: each chosen segment's population in each campaign month (the sum of its provider rows), its
 * window-mean population, and the 행정동 priority's z — overall and within each month — of the segment
 * (`chosen` are panel indices; `overall` and `monthly` are DongPriorities' overallZ and monthlyZ).
 */
export function dongPlanInputs(
  panel: DongPanel,
  chosen: readonly number[],
  service: ServiceId,
  overall: (s: ServiceId) => readonly (number | null)[],
  monthly: (s: ServiceId) => readonly { month: string; z: readonly (number | null)[] }[],
  meanPopulation: ArrayLike<number>,
): DongPlanInputs {
  const at = panel.months.map((_, i) => i).filter((i) => panel.measures.get(service)?.months[i]);
  const months = at.map((i) => panel.months[i]!);
  const value = (s: ServiceId, i: number, p: number) => panel.measures.get(s)?.months[i]?.[p] ?? NaN;
  const segments = chosen.map((p): SegmentSeries => {
    const key = panel.segments[p]!;
    const dong = panel.dongs[key.dong]!;
    const series = Object.fromEntries(SERVICE_IDS.map((s) => [s, at.map((i) => value(s, i, p))])) as Record<
      ServiceId,
      number[]
    >;
    return {
      district: districtOfDong(dong),
      dong,
      sex: key.sex,
      age: key.age,
      population: at.map((i) => panel.population[i]![p]!),
      meanPopulation: meanPopulation[p]!,
      series,
      daily: Object.fromEntries(
        SERVICE_IDS.map((s) => [s, series[s].map((v, m) => onBasis(v, s, months[m]!, "day"))]),
      ) as Record<ServiceId, number[]>,
      meanUsage: Object.fromEntries(SERVICE_IDS.map((s) => [s, finiteMean(series[s])])) as Record<ServiceId, number>,
    };
  });
  const table = (z: (s: ServiceId) => readonly (number | null)[] | undefined): ZTable =>
    Object.fromEntries(SERVICE_IDS.map((s) => [s, chosen.map((p) => z(s)?.[p] ?? null)])) as ZTable;
  return {
    segments,
    months,
    zOverall: table(overall),
    zMonthly: months.map((month) => table((s) => monthly(s).find((m) => m.month === month)?.z)),
  };
}
