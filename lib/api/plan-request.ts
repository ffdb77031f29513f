import "server-only";
import type { Engine, Plan } from "@/lib/engine";
import { planQuery, windowQuery } from "@/lib/params/api";
import type { ShapeValues } from "@/lib/params/query";
import { engineFor, parseQuery } from "./handler";
import { getPlan } from "./queries";
import { badRequest } from "./response";

type PlanQuery = ReturnType<typeof planQuery>;

/**
 * /api/plan's query turned into a plan, shared by the JSON and the XLSX answers: a 400 for a bad
 * parameter, and for valid parameters that describe no plan (nothing chosen over-uses the service).
 */
export function planFromRequest(
  request: Request,
): { engine: Engine; shape: PlanQuery; query: ShapeValues<PlanQuery>; plan: Plan; error?: undefined } | { error: Response } {
  // The window first: the months a plan may name are the window's.
  const windowed = parseQuery(request, windowQuery);
  if (windowed.error) return { error: windowed.error };
  const { engine, error: windowError } = engineFor(windowed.query);
  if (windowError) return { error: windowError };
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  if (error) return { error };
  const outcome = getPlan(engine, query);
  if (!outcome.ok) return { error: badRequest({ message: `parameter "${outcome.parameter}": ${outcome.reason}`, parameter: outcome.parameter }) };
  return { engine, shape, query, plan: outcome.plan };
}
