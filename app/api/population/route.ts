import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getPopulation } from "@/lib/api/queries";
import { populationQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, populationQuery);
  if (error) return error;
  return ok(request, getPopulation(engine, query.age, query.sex), populationQuery, query);
}
