import { audienceCsv, districtAudienceRows, dongAudienceRows } from "@/lib/api/audience-table";
import { dongWindowOf } from "@/lib/api/dong-handler";
import { engineFor, okCsv, parseQuery } from "@/lib/api/handler";
import { serviceFromPath } from "@/lib/api/service-path";
import { audienceCsvQuery } from "@/lib/params/api";
import { getDongData } from "@/lib/server/dongs";

/**
 * /audience's table as CSV: every row the page's filters keep, in its sort, with the table's columns
 * and rounding. The page links here with the grain and window it shows, instead of carrying all the
 * rows (5,088 at the 행정동 grain) for the browser to write the file.
 */
export async function GET(request: Request, ctx: { params: Promise<{ service: string }> }) {
  const service = serviceFromPath((await ctx.params).service);
  if (!service.ok) return service.error;
  const { query, error } = parseQuery(request, audienceCsvQuery);
  if (error) return error;
  const filter = { sex: query.sex, age: query.age, district: query.district };
  let rows;
  if (query.grain === "dong") {
    const data = getDongData();
    const window = dongWindowOf(data, query.from, query.to, service.value);
    if (!window.ok) return window.error;
    rows = dongAudienceRows(data, service.value, filter, query.sort, window.value);
  } else {
    const { engine, error } = engineFor(query);
    if (error) return error;
    rows = districtAudienceRows(engine, service.value, filter, query.sort);
  }
  const filename = `audience-${service.value}${query.grain === "dong" ? "-dong" : ""}.csv`;
  return okCsv(request, audienceCsv(rows, service.value, query.grain), filename, audienceCsvQuery, query);
}
