import { dongWindowOf } from "@/lib/api/dong-handler";
import { getDongComparison } from "@/lib/api/dong-queries";
import { engineFor, ok, parseQuery } from "@/lib/api/handler";
import { getComparison } from "@/lib/api/queries";
import { segmentsOfOneGrain } from "@/lib/api/segments-request";
import { compareQuery } from "@/lib/params/api";
import { getDongData } from "@/lib/server/dongs";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, compareQuery);
  if (error) return error;
  // District segments are compared over the analysis window; 행정동 segments over the months of it
  // that have 행정동 figures (left out: those months), as the other 행정동 answers are.
  const list = segmentsOfOneGrain(query.segments, "segments", compareQuery.segments.codec);
  if (!list.ok) return list.error;
  if (list.value.grain === "dong") {
    const data = getDongData();
    const window = dongWindowOf(data, query.from, query.to);
    if (!window.ok) return window.error;
    return ok(request, getDongComparison(data, list.value.segments, query.basis, window.value), compareQuery, query);
  }
  const { engine, error: windowError } = engineFor(query);
  if (windowError) return windowError;
  return ok(request, getComparison(engine, list.value.segments, query.basis), compareQuery, query);
}
