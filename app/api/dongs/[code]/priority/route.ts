import { dongFromPath, dongWindowOf } from "@/lib/api/dong-handler";
import { getDongPriority } from "@/lib/api/dong-queries";
import { ok, parseQuery } from "@/lib/api/handler";
import { dongQueries } from "@/lib/params/dong-api";
import { getDongData } from "@/lib/server/dongs";

export async function GET(request: Request, ctx: { params: Promise<{ code: string }> }) {
  const data = getDongData();
  const dong = dongFromPath(data, (await ctx.params).code);
  if (!dong.ok) return dong.error;
  const shape = dongQueries(data.index).priority;
  const { query, error } = parseQuery(request, shape);
  if (error) return error;
  const window = dongWindowOf(data, query.from, query.to);
  if (!window.ok) return window.error;
  return ok(
    request,
    getDongPriority(data, dong.value, { sex: query.sex, age: query.age, window: window.value }),
    shape,
    query,
  );
}
