import { findDistrict } from "@/lib/districts";
import type { ServiceId } from "@/lib/domain";
import { ageParam, districtParam, enumParam, parseParams, serviceParam, sexFilterParam, sexParam, type ParamProblem, type ParsedQuery, type QueryShape } from "@/lib/api/params";

/**
 * The pages' URL state, validated on the server with the API's own parameter rules. A missing
 * parameter takes its default; an invalid one is reported (never silently replaced).
 */
export const DEFAULT_DISTRICT = findDistrict("gangnam-gu")!;

export const segmentPageShape = {
  district: { spec: districtParam, optional: { fallback: DEFAULT_DISTRICT } },
  sex: { spec: sexParam, optional: { fallback: "F" as const } },
  age: { spec: ageParam, optional: { fallback: 20 as const } },
} satisfies QueryShape;

export const INSIGHT_METRICS = ["average-age", "population"] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];

export const insightsPageShape = {
  age: { spec: ageParam, optional: { fallback: 20 as const } },
  sex: { spec: sexFilterParam, optional: { fallback: "T" as const } },
  metric: { spec: enumParam(INSIGHT_METRICS), optional: { fallback: "average-age" as const } },
} satisfies QueryShape;

export const DEFAULT_SERVICE: ServiceId = "delivery";
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
