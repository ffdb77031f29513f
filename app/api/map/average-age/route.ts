import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getAverageAge } from "@/lib/api/queries";
import { averageAgeQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, averageAgeQuery);
  if (error) return error;
  return ok(request, getAverageAge(engine, query.sex), averageAgeQuery, query);
}
