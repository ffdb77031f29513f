import "server-only";
import type { Engine, Plan } from "@/lib/engine";
import { planQuery } from "@/lib/params/api";
import { allowedList } from "@/lib/params/codec";
import type { ShapeValues } from "@/lib/params/query";
import { getEngine } from "@/lib/server/engine";
import { parseQuery } from "./handler";
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
  const engine = getEngine();
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  if (error) return { error };
  const outcome = getPlan(engine, query);
  // Valid ids that describe no plan: `allowed` can only say what a segment list is; the message says why.
  if (!outcome.ok) return { error: badRequest({ message: `parameter "${outcome.parameter}": ${outcome.reason}`, parameter: outcome.parameter, allowed: allowedList(shape.segments.codec.allowed) }) };
  return { engine, shape, query, plan: outcome.plan };
}
