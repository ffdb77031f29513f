import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getProfile } from "@/lib/api/queries";
import { profileQuery } from "@/lib/params/api";
import { getEngines } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseWindowQuery(request, profileQuery);
  if (error) return error;
  const engines = getEngines();
  return ok(request, getProfile(engines, engines.resolve(query.from, query.to), query), profileQuery, query);
}
