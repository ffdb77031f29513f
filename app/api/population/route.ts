import { ok, parseQuery } from "@/lib/api/handler";
import { getPopulation } from "@/lib/api/queries";
import { populationQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, populationQuery);
  if (error) return error;
  return ok(request, getPopulation(getEngine(), query.age, query.sex), populationQuery, query);
}
