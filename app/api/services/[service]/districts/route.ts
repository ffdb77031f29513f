import { ok, parseWindowQuery } from "@/lib/api/handler";
import { getDistrictEffect } from "@/lib/api/queries";
import { serviceFromPath } from "@/lib/api/service-path";
import { districtEffectQuery } from "@/lib/params/api";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const { query, engine, error } = parseWindowQuery(request, districtEffectQuery);
  if (error) return error;
  return ok(request, getDistrictEffect(engine, service.value, query.sex, query.age), districtEffectQuery, query);
}
