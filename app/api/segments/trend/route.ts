import { ok, parseQuery } from "@/lib/api/handler";
import { getTrend } from "@/lib/api/queries";
import { segmentQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, segmentQuery);
  if (error) return error;
  return ok(request, getTrend(getEngine(), query), segmentQuery, query);
}
