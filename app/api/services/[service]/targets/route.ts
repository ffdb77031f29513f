import { ok, parseQuery } from "@/lib/api/handler";
import { serviceParam } from "@/lib/api/params";
import { getTargets } from "@/lib/api/queries";
import { notFound } from "@/lib/api/response";
import { targetsShape } from "@/lib/api/shapes";
import { getEngine } from "@/lib/server/engine";

export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const { service: raw } = await ctx.params;
  const service = serviceParam.schema.safeParse(raw);
  if (!service.success) {
    return notFound({ message: `unknown service "${raw.slice(0, 40)}"; services: ${serviceParam.allowedText}`, parameter: "service", allowed: serviceParam.allowed });
  }
  const { query, error } = parseQuery(request, targetsShape);
  if (error) return error;
  return ok(request, getTargets(getEngine(), service.data, query.limit), { service: service.data, ...query });
}
