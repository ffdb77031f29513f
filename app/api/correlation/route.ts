import { ok, parseQuery } from "@/lib/api/handler";
import { getCorrelation } from "@/lib/api/queries";
import { correlationShape } from "@/lib/api/shapes";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, correlationShape);
  if (error) return error;
  return ok(request, getCorrelation(getEngine(), query.age, query.sex), query);
}
