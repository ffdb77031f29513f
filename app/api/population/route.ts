import { ok, parseQuery } from "@/lib/api/handler";
import { getPopulation } from "@/lib/api/queries";
import { populationShape } from "@/lib/api/shapes";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, populationShape);
  if (error) return error;
  return ok(request, getPopulation(getEngine(), query.age, query.sex), query);
}
