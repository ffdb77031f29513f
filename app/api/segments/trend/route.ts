import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getTrend } from "@/lib/api/queries";
import { segmentBasisQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, segmentBasisQuery);
  if (error) return error;
  return ok(request, getTrend(engine, query, query.basis), segmentBasisQuery, query);
}
