import { ok, parseQuery } from "@/lib/api/handler";
import { getTrend } from "@/lib/api/queries";
import { segmentBasisQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, segmentBasisQuery);
  if (error) return error;
  return ok(request, getTrend(getEngine(), query, query.basis), segmentBasisQuery, query);
}
