import { ok, parseQuery } from "@/lib/api/handler";
import { getPriority } from "@/lib/api/queries";
import { segmentShape } from "@/lib/api/shapes";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  const { query, error } = parseQuery(request, segmentShape);
  if (error) return error;
  return ok(request, getPriority(getEngine(), query), query);
}
