import type { SegmentKey, ServiceId } from "@/lib/domain";
import type { ZTable } from "./priority";
import type { SegmentSeries } from "./segments";
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
}

export interface PlanSegment {
  segment: SegmentKey;
  /** Mean population over the dataset's months, rounded. */
  population: number;
  /** Overall z for the service, across the 300 segments. */
  z: number | null;
  impressions: number;
  budget: number;
  /** Impressions per person per month: impressions ÷ Σ over the chosen months of the population. */
  frequency: number;
  /** Every cell with a weight got its cap: more budget cannot reach these people. */
  saturated: boolean;
  months: PlanMonth[];
  alsoUses: ServiceZ[];
}

export interface Plan {
  service: ServiceId;
  budget: number;
  cpm: number;
  cap: number;
  months: string[];
  impressions: number;
  spent: number;
  unspent: number;
  /** Highest budget first; ties in the order asked. */
  segments: PlanSegment[];
  byMonth: { month: string; impressions: number; budget: number }[];
}

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; parameter: "segments"; reason: string };

export interface PlanCells {
  service: ServiceId;
  budget: number;
  cpm: number;
  cap: number;
  /** Chosen segments, as indices into `segments`, distinct. */
  segmentIndices: readonly number[];
  /** Chosen months, as indices into `months`, distinct, in calendar order. */
  monthIndices: readonly number[];
}

/**
 * A budget turned into impressions over segment × month cells. weight = p × max(within-month z, 0):
 * people, counted only where the segment over-uses the service that month, more the more it does;
 * capacity = p × cap (no one sees more than `cap` impressions a month).
 */
export function planOf(segments: readonly SegmentSeries[], months: readonly string[], zOverall: ZTable, zMonthly: readonly ZTable[], input: PlanCells): PlanOutcome {
  const { service, budget, cpm, cap, segmentIndices, monthIndices } = input;
  const cells = segmentIndices.flatMap((s) =>
    monthIndices.map((m) => {
      const p = segments[s]!.population[m]!;
      const z = zMonthly[m]![service][s]!;
      return { s, m, z, weight: p * Math.max(z ?? 0, 0), capacity: p * cap };
    }),
  );
  if (cells.every((c) => c.weight === 0)) {
    return {
      ok: false,
      parameter: "segments",
      reason: `no chosen segment over-uses ${service} in the chosen months (every within-month z ≤ 0), so there is nothing to weight the budget by`,
    };
  }
  const total = (budget / cpm) * 1000;
  const fill = waterFill(total, cells);
  const cost = (impressions: number) => (impressions * cpm) / 1000;

  const planned = segmentIndices.map((s, order) => {
    const own = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.s === s);
    const impressions = own.reduce((sum, { i }) => sum + fill.amounts[i]!, 0);
    const people = own.reduce((sum, { c }) => sum + segments[s]!.population[c.m]!, 0);
    const weighted = own.filter(({ c }) => c.weight > 0);
    const seg = segments[s]!;
    const row: PlanSegment = {
      segment: { district: seg.district, sex: seg.sex, age: seg.age },
      population: Math.round(seg.meanPopulation),
      z: zOverall[service][s]!,
      impressions,
      budget: cost(impressions),
      frequency: impressions / people,
      saturated: weighted.length > 0 && weighted.every(({ i }) => fill.full[i]),
      months: own.map(({ c, i }) => ({ month: months[c.m]!, z: c.z, impressions: fill.amounts[i]!, budget: cost(fill.amounts[i]!) })),
      alsoUses: alsoUses(zOverall, s, service),
    };
    return { row, order };
  });
  planned.sort((a, b) => b.row.budget - a.row.budget || a.order - b.order);

  const byMonth = monthIndices.map((m) => {
    const impressions = cells.reduce((sum, c, i) => (c.m === m ? sum + fill.amounts[i]! : sum), 0);
    return { month: months[m]!, impressions, budget: cost(impressions) };
  });
  // Totals from what could not be placed, so a plan with nothing capped spends exactly the budget
  // rather than the budget give or take the rounding of a sum of shares.
  const unspent = cost(fill.unallocated);
  return {
    ok: true,
    plan: {
      service,
      budget,
      cpm,
      cap,
      months: monthIndices.map((m) => months[m]!),
      impressions: total - fill.unallocated,
      spent: budget - unspent,
      unspent,
      segments: planned.map((p) => p.row),
      byMonth,
    },
  };
}
