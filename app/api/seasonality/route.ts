import { ok, parseQuery } from "@/lib/api/handler";
import { getSeasonality } from "@/lib/api/queries";
import { seasonalityQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, seasonalityQuery);
  if (error) return error;
  return ok(request, getSeasonality(getEngine(), query.basis), seasonalityQuery, query);
}
