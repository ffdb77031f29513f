import { ok } from "@/lib/api/handler";
import { noPlanResponse, planQueryFromRequest } from "@/lib/api/plan-request";

/** /api/plan/curve: the same plan at 0.25 … 3 × the budget — impressions and reach ranges per point. */
export function GET(request: Request) {
  const r = planQueryFromRequest(request);
  if (r.error) return r.error;
  const outcome = r.planner.curve(r.query);
  if (!outcome.ok) return noPlanResponse(outcome, r.shape);
  return ok(request, { points: outcome.points }, r.shape, r.query);
}
