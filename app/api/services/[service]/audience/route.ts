import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getAudience } from "@/lib/api/queries";
import { serviceFromPath } from "@/lib/api/service-path";
import { audienceQuery } from "@/lib/params/api";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const { query, engine, error } = parseWindowQuery(request, audienceQuery);
  if (error) return error;
  return ok(request, getAudience(engine, service.value, query), audienceQuery, query);
}
