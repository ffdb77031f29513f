import { dongWindowOf } from "@/lib/api/dong-handler";
import { getDongAudience } from "@/lib/api/dong-queries";
import { ok, parseQuery, parseWindowQuery } from "@/lib/api/handler";
import { getAudience } from "@/lib/api/queries";
import { serviceFromPath } from "@/lib/api/service-path";
import { audienceQuery, dongAudienceQuery, grainQuery } from "@/lib/params/api";
import { getDongData } from "@/lib/server/dongs";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  // The grain first: the 행정동 grain has its own sort (dongZ), offsets and window.
  const grain = parseQuery(request, grainQuery);
  if (grain.error) return grain.error;
  if (grain.query.grain === "dong") {
    const { query, error } = parseQuery(request, dongAudienceQuery);
    if (error) return error;
    const data = getDongData();
    const window = dongWindowOf(data, query.from, query.to, service.value);
    if (!window.ok) return window.error;
    return ok(
      request,
      getDongAudience(data, service.value, { ...query, window: window.value }),
      dongAudienceQuery,
      query,
    );
  }
  const { query, engine, error } = parseWindowQuery(request, audienceQuery);
  if (error) return error;
  return ok(request, getAudience(engine, service.value, query), audienceQuery, query);
}
