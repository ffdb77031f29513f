import type { Dataset } from "@/lib/dataset/types";
import { Engine } from "./engine";

/**
 * The analysis engine: data in, plain figures out (no formatting, no chart rows — those are views, in
 * lib/views and beside the pages).
 */
export { Engine, PLAN_DEFAULT_SEGMENTS } from "./engine";
export type { AudienceQuery, AudienceResult, Comparison, PlanRequest, SegmentInfo, TrendResult } from "./engine";
export { AUDIENCE_SORTS } from "./audience";
export type { AudienceFilter, AudienceRow, AudienceSort } from "./audience";
export type { CorrelationMatrix } from "./correlation";
export type { DistrictEffect } from "./district-effect";
export { CURVE_MULTIPLES } from "./plan";
export type { CurveOutcome, CurvePoint, NoPlan, Plan, PlanMonth, PlanOutcome, PlanSegment } from "./plan";
export type { Range, ReachRange } from "./reach";
export type { DistrictAverageAge, DistrictPopulation } from "./population";
export type { BestMonth, PriorityResult, ServiceScore, StandoutMonth } from "./priority";
export type { RelativeKind, Seasonality, ServiceSeasonality } from "./seasonality";
export type { RelatedService, ServiceZ, Target } from "./targets";

export function createEngine(dataset: Dataset): Engine {
  return new Engine(dataset);
}
