import { dongWindowOf } from "@/lib/api/dong-handler";
import { getDongEffect } from "@/lib/api/dong-queries";
import { ok, parseQuery } from "@/lib/api/handler";
import { serviceFromPath } from "@/lib/api/service-path";
import { dongQueries } from "@/lib/params/dong-api";
import { getDongData } from "@/lib/server/dongs";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const data = getDongData();
  const shape = dongQueries(data.index).effect;
  const { query, error } = parseQuery(request, shape);
  if (error) return error;
  const window = dongWindowOf(data, query.from, query.to, service.value);
  if (!window.ok) return window.error;
  return ok(
    request,
    getDongEffect(data, service.value, {
      sex: query.sex,
      age: query.age,
      district: query.district,
      window: window.value,
    }),
    shape,
    query,
  );
}
