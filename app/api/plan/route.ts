import { ok, parseQuery } from "@/lib/api/handler";
import { getPlan } from "@/lib/api/queries";
import { badRequest } from "@/lib/api/response";
import { planQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const engine = getEngine();
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  if (error) return error;
  const outcome = getPlan(engine, query);
  // Valid parameters can still describe no plan: nothing chosen over-uses the service.
  if (!outcome.ok) return badRequest({ message: `parameter "${outcome.parameter}": ${outcome.reason}`, parameter: outcome.parameter });
  return ok(request, outcome.plan, shape, query);
}
