import { ok, parseQuery } from "@/lib/api/handler";
import { getCorrelation } from "@/lib/api/queries";
import { correlationQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, correlationQuery);
  if (error) return error;
  return ok(request, getCorrelation(getEngine(), query.age, query.sex), correlationQuery, query);
}
