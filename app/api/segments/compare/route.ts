import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getComparison } from "@/lib/api/queries";
import { compareQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, compareQuery);
  if (error) return error;
  return ok(request, getComparison(engine, query.segments, query.basis), compareQuery, query);
}
