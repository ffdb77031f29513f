import { ok } from "@/lib/api/handler";
import { loadDongGeo } from "@/lib/insights/dong-geo-file";

/** The 424 행정동 boundaries for the all-Seoul map (Leaflet draws them; there is no tile server). */
export function GET(request: Request) {
  return ok(request, loadDongGeo());
}
