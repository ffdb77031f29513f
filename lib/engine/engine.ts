import type { District } from "@/lib/districts";
import {
  AGES,
  BASES,
  DEFAULT_BASIS,
  SERVICE_IDS,
  SEX_FILTERS,
  type Age,
  type Basis,
  type SegmentKey,
  type ServiceId,
  type Sex,
  type SexFilter,
} from "@/lib/domain";
import type { Dataset, DatasetMeta } from "@/lib/dataset/types";
import {
  audienceRows,
  matchesFilter,
  sortAudience,
  AUDIENCE_SORTS,
  type AudienceFilter,
  type AudienceRow,
  type AudienceSort,
} from "./audience";
import { correlationMatrix, type CorrelationMatrix } from "./correlation";
import { districtEffect, type DistrictEffect } from "./district-effect";
import { planCurve, planOf, type CurveOutcome, type PlanCells, type PlanOutcome } from "./plan";
import {
  averageAgeByDistrict,
  populationByDistrict,
  type DistrictAverageAge,
  type DistrictPopulation,
} from "./population";
import {
  bestMonthsOf,
  monthlyZ,
  overallZ,
  priorityOf,
  type PriorityResult,
  type StandoutMonth,
  type ServiceScore,
  type ZTable,
} from "./priority";
import { seasonality, seoulLevels, type Seasonality, type SeoulLevels } from "./seasonality";
import { buildSegments, indexOfKey, segmentIndex, seriesOn, type SegmentSeries } from "./segments";
import { rankTargets, residualsBySegment, type Target } from "./targets";

export interface SegmentInfo {
  district: District;
  sex: Sex;
  age: Age;
  /** Mean population over the months, rounded. */
  population: number;
}

export interface TrendResult {
  months: string[];
  /** One series per service, in service order, on the requested basis. */
  series: { service: ServiceId; values: number[] }[];
}

export interface AudienceQuery extends AudienceFilter {
  sort: AudienceSort;
  limit: number;
  offset: number;
}

export interface AudienceResult {
  /** Rows matching the filter, before limit and offset. */
  total: number;
  segments: AudienceRow[];
}

export interface Comparison {
  segment: SegmentInfo;
  overall: ServiceScore[];
  standoutMonths: { service: ServiceId; months: StandoutMonth[] }[];
  trend: TrendResult;
}

export interface PlanRequest {
  service: ServiceId;
  /** KRW. */
  budget: number;
  /** KRW per 1,000 impressions. */
  cpm: number;
  /** Impressions per person per month. */
  cap: number;
  /** % of residents the platform can reach (an assumption, 1–100). */
  reachable: number;
  /** Shape k of the exposures' negative binomial (an assumption, > 0). */
  shape: number;
  /** Distinct months of the dataset; all when left out. */
  months?: readonly string[];
  /** Distinct segments; the service's top PLAN_DEFAULT_SEGMENTS targets by z when left out. */
  segments?: readonly SegmentKey[];
}

/** How many of the service's top targets a plan covers when no segments are chosen. */
export const PLAN_DEFAULT_SEGMENTS = 10;

const key = (...parts: (string | number)[]) => parts.join(":");

/**
 * The analysis over one loaded dataset. Whatever depends only on the data (300 segments × 7 services ×
 * the months, on both bases) is computed once here, so most requests are a lookup; only the audience
 * filter and the plan, whose inputs are open-ended, are computed per call (≤ 300 rows, ≤ 450 cells).
 * Segment keys carry the resolved District; a key outside the dataset is a programming error (RangeError).
 */
export class Engine {
  readonly meta: DatasetMeta;
  readonly months: readonly string[];

  private readonly segments: readonly SegmentSeries[];
  private readonly zOverall: ZTable;
  private readonly zMonthly: readonly ZTable[];
  private readonly levels: Readonly<Record<Basis, SeoulLevels>>;
  private readonly info: readonly SegmentInfo[];
  private readonly priorities: Readonly<Record<Basis, readonly PriorityResult[]>>;
  private readonly trends: Readonly<Record<Basis, readonly TrendResult[]>>;
  private readonly seasonalities: Readonly<Record<Basis, Seasonality>>;
  private readonly rankedTargets: ReadonlyMap<ServiceId, readonly Target[]>;
  private readonly populations = new Map<string, DistrictPopulation[]>();
  private readonly correlations = new Map<string, CorrelationMatrix>();
  private readonly averageAges: ReadonlyMap<SexFilter, DistrictAverageAge[]>;
  private readonly effects = new Map<string, DistrictEffect[]>();
  /** audiences[service][sort]: all 300 rows, sorted; a filter keeps the order. */
  private readonly audiences = new Map<string, readonly AudienceRow[]>();

  constructor(dataset: Dataset) {
    const { months, segments } = buildSegments(dataset);
    this.meta = dataset.meta;
    this.months = months;
    this.segments = segments;
    this.zOverall = overallZ(segments);
    this.zMonthly = monthlyZ(segments, months.length);
    const byBasis = <T>(f: (basis: Basis) => T) => Object.fromEntries(BASES.map((b) => [b, f(b)])) as Record<Basis, T>;
    this.levels = byBasis((b) => seoulLevels(segments, months.length, b));

    this.info = segments.map((seg) => ({
      district: seg.district,
      sex: seg.sex,
      age: seg.age,
      population: Math.round(seg.meanPopulation),
    }));
    const asPublished = segments.map((seg, i) => priorityOf(seg, i, months, this.zOverall, this.zMonthly, "month"));
    // Only bestMonths depends on the basis: the day results share everything else with the month ones.
    this.priorities = {
      month: asPublished,
      day: asPublished.map((p, i) => ({ ...p, bestMonths: bestMonthsOf(segments[i]!, months, p.overall, "day") })),
    };
    this.trends = byBasis((b) =>
      segments.map((seg) => ({
        months: [...months],
        series: SERVICE_IDS.map((s) => ({ service: s, values: seriesOn(seg, s, b) })),
      })),
    );
    this.seasonalities = byBasis((b) => seasonality(this.levels[b], months, b));
    const residuals = residualsBySegment(segments, this.levels.day);
    this.rankedTargets = new Map(
      SERVICE_IDS.map((s) => [s, rankTargets(segments, this.zOverall, this.levels.day, s, residuals)]),
    );

    for (const age of AGES) {
      for (const sex of SEX_FILTERS) this.populations.set(key(age, sex), populationByDistrict(segments, age, sex));
      for (const sex of [undefined, "F", "M"] as const)
        this.correlations.set(key(age, sex ?? "T"), correlationMatrix(segments, age, sex));
    }
    this.averageAges = new Map(SEX_FILTERS.map((sex) => [sex, averageAgeByDistrict(segments, sex)]));

    for (const service of SERVICE_IDS) {
      for (const age of AGES)
        for (const sex of SEX_FILTERS)
          this.effects.set(key(service, sex, age), districtEffect(segments, service, sex, age));
      const rows = audienceRows(segments, this.zOverall, service, (sex, age) => this.districtEffect(service, sex, age));
      for (const sort of AUDIENCE_SORTS) this.audiences.set(key(service, sort), sortAudience(rows, sort));
    }
  }

  /** The segment's district, sex, age and rounded mean population. */
  segment(k: SegmentKey): SegmentInfo {
    return this.info[indexOfKey(k)]!;
  }

  /** Services ranked by z overall and per month, with best months (on the basis) and standout months. */
  priority(k: SegmentKey, basis: Basis = DEFAULT_BASIS): PriorityResult {
    return this.priorities[basis][indexOfKey(k)]!;
  }

  /** The segment's monthly series for the seven services on the basis. */
  trend(k: SegmentKey, basis: Basis = DEFAULT_BASIS): TrendResult {
    return this.trends[basis][indexOfKey(k)]!;
  }

  /** Segments ranked by the service's z; limit 1–300. */
  targets(service: ServiceId, limit: number): Target[] {
    return this.rankedTargets.get(service)!.slice(0, limit);
  }

  population(age: Age, sex: SexFilter): DistrictPopulation[] {
    return this.populations.get(key(age, sex))!;
  }

  averageAge(sex: SexFilter): DistrictAverageAge[] {
    return this.averageAges.get(sex)!;
  }

  /** 7×7 Pearson matrix over the age band's segment-months (one sex, or both when left out). */
  correlation(age: Age, sex?: Sex): CorrelationMatrix {
    return this.correlations.get(key(age, sex ?? "T"))!;
  }

  /** Seoul's population-weighted level of each service per month, and each month against the mean. */
  seasonality(basis: Basis = DEFAULT_BASIS): Seasonality {
    return this.seasonalities[basis];
  }

  /** The 25 districts compared within one sex × age group, highest districtZ first. */
  districtEffect(service: ServiceId, sex: SexFilter, age: Age): DistrictEffect[] {
    return this.effects.get(key(service, sex, age))!;
  }

  /** The service's 300 segment rows, filtered, sorted (desc, nulls last, canonical ties) and paged. */
  audience(service: ServiceId, q: AudienceQuery): AudienceResult {
    const sorted = this.audiences.get(key(service, q.sort))!;
    const matching =
      q.sex === undefined && q.age === undefined && q.district === undefined
        ? sorted
        : sorted.filter((r) => matchesFilter(r, q));
    return { total: matching.length, segments: matching.slice(q.offset, q.offset + q.limit) };
  }

  /** Side-by-side profiles of the given segments, in the given order. */
  compare(keys: readonly SegmentKey[], basis: Basis = DEFAULT_BASIS): Comparison[] {
    return keys.map((k) => {
      const i = indexOfKey(k);
      const { overall, standoutMonths } = this.priorities[basis][i]!;
      return { segment: this.info[i]!, overall, standoutMonths, trend: this.trends[basis][i]! };
    });
  }

  /** A budget spread over segment × month cells by water-filling; see plan.ts. */
  plan(req: PlanRequest): PlanOutcome {
    return planOf(this.segments, this.months, this.zOverall, this.zMonthly, this.planCells(req));
  }

  /** The same plan at several multiples of the budget (plan.ts's CURVE_MULTIPLES). */
  planCurve(req: PlanRequest): CurveOutcome {
    return planCurve(this.segments, this.months, this.zOverall, this.zMonthly, this.planCells(req));
  }

  private planCells(req: PlanRequest): PlanCells {
    const monthIndices = (req.months ?? this.months).map((m) => {
      const i = this.months.indexOf(m);
      if (i < 0) throw new RangeError(`month ${m} is not in the dataset`);
      return i;
    });
    const segmentIndices = req.segments
      ? req.segments.map(indexOfKey)
      : this.targets(req.service, PLAN_DEFAULT_SEGMENTS).map((t) => segmentIndex(t.district.code, t.sex, t.age));
    // Parameters arrive distinct (the codecs refuse repeats); a repeat here would count a cell twice.
    if (new Set(segmentIndices).size !== segmentIndices.length || new Set(monthIndices).size !== monthIndices.length) {
      throw new RangeError("plan segments and months must be distinct");
    }
    return {
      service: req.service,
      budget: req.budget,
      cpm: req.cpm,
      cap: req.cap,
      reachable: req.reachable,
      shape: req.shape,
      segmentIndices,
      monthIndices: [...monthIndices].sort((a, b) => a - b),
    };
  }
}
