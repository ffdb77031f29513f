import type { SegmentKey, ServiceId } from "@/lib/domain";
import type { Dong } from "@/lib/dongs";
import type { ZTable } from "./priority";
import type { SegmentSeries } from "./segments";
import { addRanges, cellReach, exposureModel, segmentReach, type CellReach, type Range } from "./reach";
import { alsoUses, type ServiceZ } from "./targets";

export interface FillCell {
  weight: number;
  capacity: number;
}

export interface Fill {
  amounts: number[];
  /** The cell got its capacity (it would have taken more). */
  full: boolean[];
  /** What no cell could take: every weighted cell is full. */
  unallocated: number;
}

/**
 * Water-filling: `total` shared over the cells in proportion to weight; a cell whose share reaches its
 * capacity gets its capacity and the rest is shared again over the others in proportion to weight,
 * until no share exceeds its cell's capacity. Capping every over-full cell of a round at once is
 * exact: taking them out only raises the others' shares, so none of them would fit later either.
 * Cells of weight 0 get nothing; if every weight is 0 there is no proportion to share by (RangeError).
 */
export function waterFill(total: number, cells: readonly FillCell[]): Fill {
  if (!(total >= 0) || !Number.isFinite(total)) throw new RangeError(`total must be a finite number ≥ 0, got ${total}`);
  const amounts = cells.map(() => 0);
  const full = cells.map(() => false);
  let active = cells.flatMap((c, i) => (c.weight > 0 ? [i] : []));
  if (active.length === 0) throw new RangeError("every weight is zero: nothing to share in proportion to");
  let remaining = total;
  for (;;) {
    const weight = active.reduce((sum, i) => sum + cells[i]!.weight, 0);
    const share = (i: number) => (remaining * cells[i]!.weight) / weight;
    const over = active.filter((i) => share(i) >= cells[i]!.capacity);
    if (over.length === 0) {
      for (const i of active) amounts[i] = share(i);
      return { amounts, full, unallocated: 0 };
    }
    for (const i of over) {
      amounts[i] = cells[i]!.capacity;
      full[i] = true;
      remaining -= cells[i]!.capacity;
    }
    active = active.filter((i) => !full[i]);
    if (active.length === 0) return { amounts, full, unallocated: remaining };
  }
}

export interface PlanMonth {
  month: string;
  /** The segment's within-month z for the service; null when the month has no spread across segments. */
  z: number | null;
  impressions: number;
  budget: number;
  /** Reachable people R = population × reachable ÷ 100 that month. */
  reachable: number;
  /** People reached at least once / at least 3 times that month (see reach.ts). */
  reach1: number;
  reach3: number;
  /** People reached exactly 1, 2, … cap times that month (the last: cap, the most anyone is shown). */
  frequencyDistribution: number[];
  /** Impressions ÷ reach 1+; null when the month reaches no one. */
  averageFrequency: number | null;
}

export interface PlanSegment {
  /** A 행정동 segment's also names its 행정동. */
  segment: SegmentKey & { dong?: Dong };
  /** Mean population over the window's months, rounded. */
  population: number;
  /** Overall z for the service, across the 300 segments (a 행정동 segment: across the 행정동 segments). */
  z: number | null;
  impressions: number;
  budget: number;
  /** Impressions per person per month: impressions ÷ Σ over the chosen months of the population. */
  frequency: number;
  /** Every cell with a weight got its cap: more budget cannot reach these people. */
  saturated: boolean;
  /** People reached at least once over the months: same people every month … months independent. */
  reach: Range;
  /** People reached at least 3 times over the months, the same two bounds. */
  reach3: Range;
  months: PlanMonth[];
  alsoUses: ServiceZ[];
}

export interface Plan {
  service: ServiceId;
  budget: number;
  cpm: number;
  cap: number;
  /** Assumed % of residents the platform can reach. */
  reachable: number;
  /** Assumed shape k of the exposures' negative binomial (larger = more even). */
  shape: number;
  months: string[];
  impressions: number;
  spent: number;
  unspent: number;
  /** Sums of the segments' ranges (different segments are different people). */
  reach: Range;
  reach3: Range;
  /** Highest budget first; ties in the order asked. */
  segments: PlanSegment[];
  /** Per month over all segments; reach1 adds (different segments are different people). */
  byMonth: { month: string; impressions: number; budget: number; reach1: number }[];
}

/** Why no plan: nothing chosen over-uses the service (the API's 400 naming `segments`). */
export type NoPlan = { ok: false; parameter: "segments"; reason: string };
export type PlanOutcome = { ok: true; plan: Plan } | NoPlan;

export interface PlanCells {
  service: ServiceId;
  budget: number;
  cpm: number;
  cap: number;
  /** % of residents reachable, 1–100. */
  reachable: number;
  /** The exposures' shape k, > 0. */
  shape: number;
  /** Chosen segments, as indices into `segments`, distinct. */
  segmentIndices: readonly number[];
  /** Chosen months, as indices into `months`, distinct, in calendar order. */
  monthIndices: readonly number[];
}

/**
 * A budget turned into impressions over segment × month cells. weight = p × max(within-month z, 0):
 * people, counted only where the segment over-uses the service that month, more the more it does;
 * capacity = R × cap with R = p × reachable ÷ 100 (no reachable person sees more than `cap` impressions a
 * month). Each cell's reach then follows from its impressions (reach.ts).
 */
export function planOf(
  segments: readonly SegmentSeries[],
  months: readonly string[],
  zOverall: ZTable,
  zMonthly: readonly ZTable[],
  input: PlanCells,
): PlanOutcome {
  const { service, budget, cpm, cap, reachable, shape, segmentIndices, monthIndices } = input;
  const cells = segmentIndices.flatMap((s) =>
    monthIndices.map((m) => {
      const p = segments[s]!.population[m]!;
      const z = zMonthly[m]![service][s]!;
      const r = (p * reachable) / 100;
      return { s, m, z, r, weight: p * Math.max(z ?? 0, 0), capacity: r * cap };
    }),
  );
  if (cells.every((c) => c.weight === 0)) {
    return {
      ok: false,
      parameter: "segments",
      reason: `no chosen segment over-uses ${service} in the chosen months (every within-month z ≤ 0), so there is nothing to weight the budget by`,
    };
  }
  const bought = (budget / cpm) * 1000;
  const fill = waterFill(bought, cells);
  const cost = (impressions: number) => (impressions * cpm) / 1000;
  const model = exposureModel(shape, cap);
  const reaches: CellReach[] = cells.map((c, i) => cellReach(model, c.r, fill.amounts[i]!));

  const planned = segmentIndices.map((s, order) => {
    const own = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.s === s);
    const impressions = own.reduce((sum, { i }) => sum + fill.amounts[i]!, 0);
    const people = own.reduce((sum, { c }) => sum + segments[s]!.population[c.m]!, 0);
    const weighted = own.filter(({ c }) => c.weight > 0);
    const seg = segments[s]!;
    const range = segmentReach(own.map(({ i }) => reaches[i]!));
    const row: PlanSegment = {
      segment: seg.dong
        ? { district: seg.district, dong: seg.dong, sex: seg.sex, age: seg.age }
        : { district: seg.district, sex: seg.sex, age: seg.age },
      population: Math.round(seg.meanPopulation),
      z: zOverall[service][s]!,
      impressions,
      budget: cost(impressions),
      frequency: impressions / people,
      saturated: weighted.length > 0 && weighted.every(({ i }) => fill.full[i]),
      ...range,
      months: own.map(({ c, i }) => {
        const { reachable: r, reach1, reach3, frequencyDistribution, averageFrequency } = reaches[i]!;
        return {
          month: months[c.m]!,
          z: c.z,
          impressions: fill.amounts[i]!,
          budget: cost(fill.amounts[i]!),
          reachable: r,
          reach1,
          reach3,
          frequencyDistribution,
          averageFrequency,
        };
      }),
      alsoUses: alsoUses(zOverall, s, service),
    };
    return { row, order };
  });
  planned.sort((a, b) => b.row.budget - a.row.budget || a.order - b.order);

  const byMonth = monthIndices.map((m) => {
    const impressions = cells.reduce((sum, c, i) => (c.m === m ? sum + fill.amounts[i]! : sum), 0);
    const reach1 = cells.reduce((sum, c, i) => (c.m === m ? sum + reaches[i]!.reach1 : sum), 0);
    return { month: months[m]!, impressions, budget: cost(impressions), reach1 };
  });
  // Totals from what could not be placed, so a plan with nothing capped spends exactly the budget
  // rather than the budget give or take the rounding of a sum of shares.
  const unspent = cost(fill.unallocated);
  const total = addRanges(planned.map((p) => p.row));
  return {
    ok: true,
    plan: {
      service,
      budget,
      cpm,
      cap,
      reachable,
      shape,
      months: monthIndices.map((m) => months[m]!),
      impressions: bought - fill.unallocated,
      spent: budget - unspent,
      unspent,
      reach: total.reach,
      reach3: total.reach3,
      segments: planned.map((p) => p.row),
      byMonth,
    },
  };
}

/** The budget multiples of the reach curve: what less and more money would buy, all else unchanged. */
export const CURVE_MULTIPLES = [0.25, 0.5, 0.75, 1, 1.5, 2, 3] as const;

export type CurveOutcome = { ok: true; points: CurvePoint[] } | NoPlan;

export interface CurvePoint {
  multiple: number;
  budget: number;
  impressions: number;
  reach: Range;
  reach3: Range;
}

/**
 * The reach curve: the same plan (segments, months, CPM, cap, reachable, shape) at each multiple of
 * the budget. Impressions stop rising once every weighted cell is full; reach flattens well before.
 */
export function planCurve(
  segments: readonly SegmentSeries[],
  months: readonly string[],
  zOverall: ZTable,
  zMonthly: readonly ZTable[],
  input: PlanCells,
): CurveOutcome {
  const points: CurvePoint[] = [];
  for (const multiple of CURVE_MULTIPLES) {
    // The weights do not depend on the budget: if one multiple has nothing to share by, none has.
    const outcome = planOf(segments, months, zOverall, zMonthly, { ...input, budget: input.budget * multiple });
    if (!outcome.ok) return outcome;
    const { budget, impressions, reach, reach3 } = outcome.plan;
    points.push({ multiple, budget, impressions, reach, reach3 });
  }
  return { ok: true, points };
}
