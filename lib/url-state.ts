import { createParser, createSerializer, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { findDistrict } from "@/lib/districts";
import { AGES, SERVICE_IDS, SEX_FILTERS, SEXES, type Age, type ServiceId, type Sex, type SexFilter } from "@/lib/domain";

/**
 * The pages' URL state as nuqs parsers, shared by client components (useQueryStates) and link
 * builders. Defaults must equal the server's in lib/page-params.ts (checked in url-state.test.ts);
 * they are repeated here rather than imported so the browser bundle doesn't pull in zod.
 */
const urlOptions = { history: "push", shallow: true } as const;

/**
 * A district in the URL: accepts its code, slug or Korean name like the server (findDistrict), and is
 * always written back as the slug. Unknown values parse to null (the server reports them as invalid).
 */
export const parseAsDistrict = createParser<string>({
  parse: (v) => findDistrict(v)?.slug ?? null,
  serialize: (slug) => slug,
});

// ── /segment ──────────────────────────────────────────────────────────────────────────────────────
export const SEGMENT_PAGE_DEFAULTS: { district: string; sex: Sex; age: Age } = { district: "gangnam-gu", sex: "F", age: 20 };
export const segmentParsers = {
  district: parseAsDistrict.withDefault(SEGMENT_PAGE_DEFAULTS.district).withOptions(urlOptions),
  sex: parseAsStringLiteral(SEXES).withDefault(SEGMENT_PAGE_DEFAULTS.sex).withOptions(urlOptions),
  age: parseAsNumberLiteral(AGES).withDefault(SEGMENT_PAGE_DEFAULTS.age).withOptions(urlOptions),
};
export const serializeSegment = createSerializer(segmentParsers);

// ── /insights ─────────────────────────────────────────────────────────────────────────────────────
export const INSIGHT_METRIC_VALUES = ["average-age", "population"] as const;
export type InsightMetric = (typeof INSIGHT_METRIC_VALUES)[number];
export const INSIGHTS_PAGE_DEFAULTS: { age: Age; sex: SexFilter; metric: InsightMetric } = {
  age: 20,
  sex: "T",
  metric: "average-age",
};
export const insightsParsers = {
  age: parseAsNumberLiteral(AGES).withDefault(INSIGHTS_PAGE_DEFAULTS.age).withOptions(urlOptions),
  sex: parseAsStringLiteral(SEX_FILTERS).withDefault(INSIGHTS_PAGE_DEFAULTS.sex).withOptions(urlOptions),
  metric: parseAsStringLiteral(INSIGHT_METRIC_VALUES).withDefault(INSIGHTS_PAGE_DEFAULTS.metric).withOptions(urlOptions),
};
export const serializeInsights = createSerializer(insightsParsers);

// ── /service ──────────────────────────────────────────────────────────────────────────────────────
export const SERVICE_PAGE_DEFAULT: ServiceId = "delivery";
export const serviceParsers = {
  service: parseAsStringLiteral(SERVICE_IDS).withDefault(SERVICE_PAGE_DEFAULT).withOptions(urlOptions),
};
export const serializeService = createSerializer(serviceParsers);
