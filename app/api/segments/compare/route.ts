import { ok, parseQuery } from "@/lib/api/handler";
import { getComparison } from "@/lib/api/queries";
import { compareQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, compareQuery);
  if (error) return error;
  return ok(request, getComparison(getEngine(), query.segments, query.basis), compareQuery, query);
}
