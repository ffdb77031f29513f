import "server-only";
import type { Engine, NoPlan, Plan } from "@/lib/engine";
import { planQuery, windowQuery } from "@/lib/params/api";
import { allowedList } from "@/lib/params/codec";
import type { ShapeValues } from "@/lib/params/query";
import { engineFor, parseQuery } from "./handler";
import { getPlan } from "./queries";
import { badRequest } from "./response";

type PlanQuery = ReturnType<typeof planQuery>;
type Parsed = { engine: Engine; shape: PlanQuery; query: ShapeValues<PlanQuery>; error?: undefined } | { error: Response };

/** /api/plan's query (shared by the plan, its curve and its workbook): the values, or a 400 naming the parameter. */
export function planQueryFromRequest(request: Request): Parsed {
  // The window first: the months a plan may name are the window's.
  const windowed = parseQuery(request, windowQuery);
  if (windowed.error) return { error: windowed.error };
  const { engine, error: windowError } = engineFor(windowed.query);
  if (windowError) return { error: windowError };
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  return error ? { error } : { engine, shape, query };
}

/**
 * Valid parameters that describe no plan (nothing chosen over-uses the service): a 400 naming `segments`.
 * `allowed` can only say what a segment list is; the message says why.
 */
export function noPlanResponse(outcome: NoPlan, shape: PlanQuery): Response {
  return badRequest({ message: `parameter "${outcome.parameter}": ${outcome.reason}`, parameter: outcome.parameter, allowed: allowedList(shape.segments.codec.allowed) });
}

/** /api/plan's query turned into a plan, shared by the JSON and the XLSX answers. */
export function planFromRequest(request: Request): { engine: Engine; shape: PlanQuery; query: ShapeValues<PlanQuery>; plan: Plan; error?: undefined } | { error: Response } {
  const parsed = planQueryFromRequest(request);
  if (parsed.error) return parsed;
  const outcome = getPlan(parsed.engine, parsed.query);
  if (!outcome.ok) return { error: noPlanResponse(outcome, parsed.shape) };
  return { ...parsed, plan: outcome.plan };
}
