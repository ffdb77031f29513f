import { ok } from "@/lib/api/handler";
import { planFromRequest } from "@/lib/api/plan-request";

export function GET(request: Request) {
  const r = planFromRequest(request);
  if (r.error) return r.error;
  return ok(request, r.plan, r.shape, r.query);
}
