import { ok, parseQuery } from "@/lib/api/handler";
import { getAverageAge } from "@/lib/api/queries";
import { averageAgeQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, averageAgeQuery);
  if (error) return error;
  return ok(request, getAverageAge(getEngine(), query.sex), averageAgeQuery, query);
}
