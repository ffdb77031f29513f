import { readParam } from "@/lib/params/codec";
import { pageShapes } from "@/lib/params/pages";
import { hrefOf, type Shape } from "@/lib/params/query";

/**
 * The site header's pages and how a header link keeps the reader's choices: the service, the
 * segment (district, sex, age) and the analysis window (from, to) chosen on the current page travel to every page whose shape has a
 * parameter of the same name, when that page's codec accepts the value. Only what the current URL
 * states is carried (a page's defaults stay that page's), and the link is written canonically.
 */
export const NAV_PAGES = [
  { path: "/insights", label: "현황 분석" },
  { path: "/segment", label: "고객별 맞춤 광고" },
  { path: "/service", label: "서비스별 타겟" },
  { path: "/audience", label: "고객층 고르기" },
  { path: "/compare", label: "고객층 비교" },
  { path: "/plan", label: "예산 계획" },
  { path: "/method", label: "분석 방법" },
] as const;

export const CARRIED_PARAMS = ["service", "district", "sex", "age", "from", "to"] as const;

/** Page shapes by path. Months only matter to month parameters, which are never carried. */
const SHAPES: Record<string, Shape> = pageShapes([]);

export function carriedHref(target: string, current: URLSearchParams, shapes: Record<string, Shape> = SHAPES): string {
  const shape = shapes[target];
  if (!shape) return target;
  const values: Record<string, unknown> = {};
  for (const name of CARRIED_PARAMS) {
    const param = shape[name];
    if (!param) continue;
    const r = readParam(param, current.getAll(name));
    if (r.kind === "valid") values[name] = r.value;
  }
  return hrefOf(target, shape, values);
}
