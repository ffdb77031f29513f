import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getTargets } from "@/lib/api/queries";
import { serviceFromPath } from "@/lib/api/service-path";
import { targetsQuery } from "@/lib/params/api";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const { query, engine, error } = parseWindowQuery(request, targetsQuery);
  if (error) return error;
  return ok(request, getTargets(engine, service.value, query.limit), targetsQuery, query);
}
