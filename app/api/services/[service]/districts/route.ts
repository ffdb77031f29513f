import { ok, parseQuery } from "@/lib/api/handler";
import { getDistrictEffect } from "@/lib/api/queries";
import { serviceFromPath } from "@/lib/api/service-path";
import { districtEffectQuery } from "@/lib/params/api";
import { getEngine } from "@/lib/server/engine";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const { query, error } = parseQuery(request, districtEffectQuery);
  if (error) return error;
  return ok(request, getDistrictEffect(getEngine(), service.value, query.sex, query.age), districtEffectQuery, query);
}
