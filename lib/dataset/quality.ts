import { SERVICES, type ServiceId } from "@/lib/domain";
import type { LoadedDataset } from "./types";

/** The five count services the rule looks at (YouTube and Netflix are indices, not levels). */
export const QUALITY_SERVICES: readonly ServiceId[] = SERVICES.filter((s) => s.unit === "count").map((s) => s.id);

/** The rule's thresholds (data/README.md, /method). */
export const QUALITY_RULE = {
  /** A service's level in m differs from its neighbours' mean by more than this share… */
  jump: 0.15,
  /** …while the two neighbours differ from each other (relative to their mean) by less than this… */
  calm: 0.1,
  /** …for at least this many of the five count services, all in the same direction. */
  services: 4,
} as const;

/** A doubtful month: the services that jumped (all one way) and their mean level ÷ neighbours' mean. */
export interface QualityNote {
  month: string;
  measures: ServiceId[];
  /** Mean over `measures` of level(m) ÷ mean(level(m−1), level(m+1)); above 1 a jump up, below a drop. */
  ratio: number;
}

/** The calendar month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * The months the rule flags, given each service's Seoul level per month (`levels[s][i]` for `months[i]`,
 * ascending; NaN where the month lacks the service). A month is judged only when both calendar
 * neighbours are in the data.
 */
export function flagMonths(
  months: readonly string[],
  levels: Readonly<Partial<Record<ServiceId, readonly number[]>>>,
): QualityNote[] {
  const notes: QualityNote[] = [];
  for (let i = 1; i + 1 < months.length; i++) {
    if (nextMonth(months[i - 1]!) !== months[i] || nextMonth(months[i]!) !== months[i + 1]) continue;
    const up: [ServiceId, number][] = [];
    const down: [ServiceId, number][] = [];
    for (const s of QUALITY_SERVICES) {
      const series = levels[s];
      if (!series) continue;
      const [a, v, b] = [series[i - 1]!, series[i]!, series[i + 1]!];
      const around = (a + b) / 2;
      if (!(around > 0) || Number.isNaN(v)) continue;
      if (Math.abs(a - b) / around >= QUALITY_RULE.calm) continue;
      const ratio = v / around;
      if (ratio > 1 + QUALITY_RULE.jump) up.push([s, ratio]);
      else if (ratio < 1 - QUALITY_RULE.jump) down.push([s, ratio]);
    }
    const moved = up.length >= QUALITY_RULE.services ? up : down.length >= QUALITY_RULE.services ? down : null;
    if (moved)
      notes.push({
        month: months[i]!,
        measures: moved.map(([s]) => s),
        ratio: moved.reduce((t, [, r]) => t + r, 0) / moved.length,
      });
  }
  return notes;
}

/**
 * Seoul's level of each count service per month of the dataset, as published: Σ p·v ÷ Σ p over the
 * 300 district segments (the seasonality level on the month basis); NaN where the month lacks it.
 */
export function seoulLevelsOf(data: LoadedDataset): Record<ServiceId, number[]> {
  const out = {} as Record<ServiceId, number[]>;
  for (const s of QUALITY_SERVICES) {
    out[s] = data.meta.months.map((month) => {
      const { population, [s]: values } = data.districtMonths.get(month)!.columns;
      if (!population || !values) return NaN;
      let pv = 0;
      let p = 0;
      for (let c = 0; c < values.length; c++) {
        pv += population[c]! * values[c]!;
        p += population[c]!;
      }
      return pv / p;
    });
  }
  return out;
}

/** The dataset's doubtful months by the rule. */
export function qualityNotes(data: LoadedDataset): QualityNote[] {
  return flagMonths(data.meta.months, seoulLevelsOf(data));
}
