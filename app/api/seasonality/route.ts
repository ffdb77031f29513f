import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getSeasonality } from "@/lib/api/queries";
import { seasonalityQuery } from "@/lib/params/api";

export function GET(request: Request) {
  const { query, engine, error } = parseWindowQuery(request, seasonalityQuery);
  if (error) return error;
  return ok(request, getSeasonality(engine, query.basis), seasonalityQuery, query);
}
