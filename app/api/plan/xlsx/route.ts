import { planFromRequest } from "@/lib/api/plan-request";
import { planWorkbook, XLSX_TYPE } from "@/lib/export/plan-workbook";
import { planPage } from "@/lib/params/pages";
import { hrefOf } from "@/lib/params/query";
import { siteUrl } from "@/lib/site-url";
import { planFileName } from "@/lib/views/plan";

/** /api/plan as an XLSX workbook: the same query and the same plan, plus the inputs, source and method. */
export function GET(request: Request) {
  const r = planFromRequest(request);
  if (r.error) return r.error;
  const { planner, query } = r;
  const now = new Date();
  const link = new URL(hrefOf("/plan", planPage(planner.months), query), siteUrl() ?? request.url).href;
  const body = planWorkbook({
    plan: r.plan,
    defaultSegments: query.segments === undefined,
    meta: planner.meta,
    link,
    now,
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${planFileName(query.service, now, "plan", "xlsx")}"`,
      // The file is named by the day it is made, so it is made afresh each time.
      "Cache-Control": "no-store",
    },
  });
}
