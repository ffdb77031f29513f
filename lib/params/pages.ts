import { findDistrict } from "@/lib/districts";
import { DEFAULT_SERVICE, INSIGHTS_DEFAULTS, SEGMENT_DEFAULTS } from "./defaults";
import { optional } from "./param";
import type { Shape } from "./query";
import * as v from "./values";

/**
 * Each page's URL state: every parameter optional, with the default a bare link shows. The server
 * page reads it with readQuery, client controls with the nuqs parsers made from the same shape
 * (lib/params/nuqs.ts), and links are written with hrefOf — only non-default values.
 */
export const segmentPage = {
  district: optional("district", v.district, findDistrict(SEGMENT_DEFAULTS.districtSlug)!),
  // T is read so the page can explain that a segment is one sex, and link to both.
  sex: optional("sex", v.sexFilter, SEGMENT_DEFAULTS.sex),
  age: optional("age", v.age, SEGMENT_DEFAULTS.age),
} satisfies Shape;

export const insightsPage = {
  age: optional("age", v.age, INSIGHTS_DEFAULTS.age),
  sex: optional("sex", v.sexFilter, INSIGHTS_DEFAULTS.sex),
  metric: optional("metric", v.insightMetric, INSIGHTS_DEFAULTS.metric),
} satisfies Shape;

export const servicePage = {
  service: optional("service", v.service, DEFAULT_SERVICE),
  // The district map's group. Their default is the top target's group, which depends on the data and
  // the service, so the shape leaves them without one and the page resolves it (lib/views/service.ts).
  sex: optional("sex", v.sexFilter),
  age: optional("age", v.age),
  // The targets table's "함께 움직이는 서비스": season-adjusted r, or the raw 2023-method r.
  related: { ...optional("related", v.relatedMethod, "adjusted" as v.RelatedMethod), label: "연관 서비스 계산" },
} satisfies Shape;

/**
 * Every page's shape by path, for the server's canonical URLs and the test that every parameter goes
 * through a codec. Some codecs need the dataset's months, known only once it is loaded.
 */
export function pageShapes(_months: readonly string[]) {
  return {
    "/": {},
    "/segment": segmentPage,
    "/insights": insightsPage,
    "/service": servicePage,
  } as const satisfies Record<string, Shape>;
}

export type PagePath = keyof ReturnType<typeof pageShapes>;
