import { ok, parseQuery } from "@/lib/api/handler";
import { getAverageAge } from "@/lib/api/queries";
import { averageAgeShape } from "@/lib/api/shapes";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, averageAgeShape);
  if (error) return error;
  return ok(request, getAverageAge(getEngine(), query.sex), query);
}
