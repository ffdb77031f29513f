import "server-only";
import type { DatasetMeta } from "@/lib/dataset/types";
import type { SegmentKey } from "@/lib/domain";
import type { DongSegment } from "@/lib/dong-segments";
import type { CurveOutcome, Engine, NoPlan, Plan, PlanOutcome, PlanRequest } from "@/lib/engine";
import { planQuery, windowQuery } from "@/lib/params/api";
import { allowedList } from "@/lib/params/codec";
import { optional, required } from "@/lib/params/param";
import type { ShapeValues } from "@/lib/params/query";
import * as v from "@/lib/params/values";
import { getDongData } from "@/lib/server/dongs";
import { getEngines } from "@/lib/server/engine";
import { dongWindowOf } from "./dong-handler";
import { engineFor, parseQuery } from "./handler";
import { getPlan, getPlanCurve } from "./queries";
import { badRequest } from "./response";
import { segmentsOfOneGrain } from "./segments-request";

type PlanQuery = ReturnType<typeof planQuery>;

/**
 * What a plan request is planned over: the district engine of the window, or — for 행정동 segments —
 * the 행정동 analysis of the window's months with 행정동 figures of the service. Either way the plan
 * model is the same (lib/engine/plan.ts); only the cells differ.
 */
export interface Planner {
  /** The campaign months the plan may name (all of them when `months` is left out). */
  months: readonly string[];
  meta: DatasetMeta;
  plan(q: ShapeValues<PlanQuery>): PlanOutcome;
  curve(q: ShapeValues<PlanQuery>): CurveOutcome;
}

type Parsed =
  { planner: Planner; shape: PlanQuery; query: ShapeValues<PlanQuery>; error?: undefined } | { error: Response };

/** The district plan: the query's segments are district segments (or left out: the top 10 targets). */
function districtPlanner(engine: Engine): Planner {
  const request = (q: ShapeValues<PlanQuery>): PlanRequest => ({
    ...q,
    segments: q.segments as SegmentKey[] | undefined,
  });
  return {
    months: engine.months,
    meta: engine.meta,
    plan: (q) => getPlan(engine, request(q)),
    curve: (q) => getPlanCurve(engine, request(q)),
  };
}

/** The segments alone, read before the rest: their grain decides the months the plan may name. */
const segmentsQuery = { segments: optional("segments", v.planSegments) };

/** /api/plan's query (shared by the plan, its curve and its workbook): the values, or a 400 naming the parameter. */
export function planQueryFromRequest(request: Request): Parsed {
  // The window first: the months a plan may name are the window's. Then the segments' grain: a plan of
  // 행정동 segments names the months of the window that have 행정동 figures of the service.
  const windowed = parseQuery(request, windowQuery);
  if (windowed.error) return { error: windowed.error };
  const listed = parseQuery(request, segmentsQuery);
  if (listed.error) return { error: listed.error };
  const grain = listed.query.segments ? segmentsOfOneGrain(listed.query.segments, "segments", v.planSegments) : null;
  if (grain && !grain.ok) return { error: grain.error };
  if (grain?.value.grain === "dong") return dongPlanQuery(request, grain.value.segments, windowed.query);
  const { engine, error: windowError } = engineFor(windowed.query);
  if (windowError) return { error: windowError };
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  return error ? { error } : { planner: districtPlanner(engine), shape, query };
}

function dongPlanQuery(request: Request, segments: DongSegment[], w: { from?: string; to?: string }): Parsed {
  const named = parseQuery(request, { service: required("service", v.service) });
  if (named.error) return { error: named.error };
  const data = getDongData();
  const window = dongWindowOf(data, w.from, w.to, named.query.service);
  if (!window.ok) return { error: window.error };
  const analysis = data.window(window.value);
  const months = analysis.info(named.query.service).months;
  const shape = planQuery(months);
  const { query, error } = parseQuery(request, shape);
  if (error) return { error };
  // The ids resolved to their 행정동 (segmentsOfOneGrain checked every one).
  const planned = (q: ShapeValues<PlanQuery>) => ({ ...q, segments });
  return {
    planner: {
      months,
      meta: getEngines().default.meta,
      plan: (q) => analysis.plan(planned(q)),
      curve: (q) => analysis.planCurve(planned(q)),
    },
    shape,
    query,
  };
}

/**
 * Valid parameters that describe no plan (nothing chosen over-uses the service): a 400 naming `segments`.
 * `allowed` can only say what a segment list is; the message says why.
 */
export function noPlanResponse(outcome: NoPlan, shape: PlanQuery): Response {
  return badRequest({
    message: `parameter "${outcome.parameter}": ${outcome.reason}`,
    parameter: outcome.parameter,
    allowed: allowedList(shape.segments.codec.allowed),
  });
}

/** /api/plan's query turned into a plan, shared by the JSON and the XLSX answers. */
export function planFromRequest(
  request: Request,
):
  | { planner: Planner; shape: PlanQuery; query: ShapeValues<PlanQuery>; plan: Plan; error?: undefined }
  | { error: Response } {
  const parsed = planQueryFromRequest(request);
  if (parsed.error) return parsed;
  const outcome = parsed.planner.plan(parsed.query);
  if (!outcome.ok) return { error: noPlanResponse(outcome, parsed.shape) };
  return { ...parsed, plan: outcome.plan };
}
