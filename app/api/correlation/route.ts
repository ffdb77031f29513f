import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getCorrelation } from "@/lib/api/queries";
import { correlationQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, correlationQuery);
  if (error) return error;
  return ok(request, getCorrelation(engine, query.age, query.sex), correlationQuery, query);
}
