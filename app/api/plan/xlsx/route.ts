import { parseQuery } from "@/lib/api/handler";
import { getPlan } from "@/lib/api/queries";
import { badRequest } from "@/lib/api/response";
import { planWorkbook, XLSX_TYPE } from "@/lib/export/plan-workbook";
import { planPage } from "@/lib/params/pages";
import { planQuery } from "@/lib/params/api";
import { hrefOf } from "@/lib/params/query";
import { getEngine } from "@/lib/server/engine";
import { planFileName } from "@/lib/views/plan";

/** /api/plan as an XLSX workbook: the same query and the same plan, plus the inputs, source and method. */
export function GET(request: Request) {
  const engine = getEngine();
  const shape = planQuery(engine.months);
  const { query, error } = parseQuery(request, shape);
  if (error) return error;
  const outcome = getPlan(engine, query);
  if (!outcome.ok) return badRequest({ message: `parameter "${outcome.parameter}": ${outcome.reason}`, parameter: outcome.parameter });
  const now = new Date();
  const link = new URL(hrefOf("/plan", planPage(engine.months), query), request.url).href;
  const body = planWorkbook({ plan: outcome.plan, defaultSegments: query.segments === undefined, meta: engine.meta, link, now });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${planFileName(query.service, now, "plan", "xlsx")}"`,
      // The file is named by the day it is made, so it is made afresh each time.
      "Cache-Control": "no-store",
    },
  });
}
