import { findDistrict } from "@/lib/districts";
import type { ServiceId } from "@/lib/domain";
import { INSIGHT_METRIC_VALUES, INSIGHTS_PAGE_DEFAULTS, SEGMENT_PAGE_DEFAULTS, SERVICE_PAGE_DEFAULT, type InsightMetric } from "@/lib/url-state";
import { ageParam, districtParam, enumParam, parseParams, serviceParam, sexFilterParam, sexParam, type ParamProblem, type ParsedQuery, type QueryShape } from "@/lib/api/params";

/**
 * The pages' URL state, validated on the server with the API's own parameter rules. A missing
 * parameter takes its default; an invalid one is reported (never silently replaced).
 */
// Defaults live with the browser's URL parsers (lib/url-state.ts), so server and client cannot disagree.
export const DEFAULT_DISTRICT = findDistrict(SEGMENT_PAGE_DEFAULTS.district)!;

export const segmentPageShape = {
  district: { spec: districtParam, optional: { fallback: DEFAULT_DISTRICT } },
  sex: { spec: sexParam, optional: { fallback: SEGMENT_PAGE_DEFAULTS.sex } },
  age: { spec: ageParam, optional: { fallback: SEGMENT_PAGE_DEFAULTS.age } },
} satisfies QueryShape;

export const INSIGHT_METRICS = INSIGHT_METRIC_VALUES;
export type { InsightMetric };

export const insightsPageShape = {
  age: { spec: ageParam, optional: { fallback: INSIGHTS_PAGE_DEFAULTS.age } },
  sex: { spec: sexFilterParam, optional: { fallback: INSIGHTS_PAGE_DEFAULTS.sex } },
  metric: { spec: enumParam(INSIGHT_METRICS), optional: { fallback: INSIGHTS_PAGE_DEFAULTS.metric } },
} satisfies QueryShape;

export const DEFAULT_SERVICE: ServiceId = SERVICE_PAGE_DEFAULT;
export const servicePageShape = {
  service: { spec: serviceParam, optional: { fallback: DEFAULT_SERVICE } },
} satisfies QueryShape;


export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export function toURLSearchParams(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
  }
  return out;
}

export function parsePageParams<S extends QueryShape>(
  sp: Record<string, string | string[] | undefined>,
  shape: S,
): { ok: true; value: ParsedQuery<S> } | { ok: false; problem: ParamProblem } {
  return parseParams(toURLSearchParams(sp), shape);
}
