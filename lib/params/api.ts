import { DEFAULT_TARGET_LIMIT } from "./defaults";
import { optional, required } from "./param";
import type { Shape } from "./query";
import * as v from "./values";

/**
 * The query each API endpoint accepts, built from the shared codecs. Parameters a shape doesn't name
 * are ignored (links may carry tracking tags).
 */
export const segmentQuery = {
  district: required("district", v.district),
  sex: required("sex", v.sex),
  age: required("age", v.age),
} satisfies Shape;

/**
 * The analysis window every summarizing endpoint and page takes: months from…to, inclusive. Left out,
 * each end is the dataset's default window's (meta.json defaultWindow), so older links answer as before.
 */
export const windowQuery = {
  from: optional("from", v.windowMonth),
  to: optional("to", v.windowMonth),
} satisfies Shape;

export const segmentBasisQuery = {
  ...segmentQuery,
  basis: optional("basis", v.basis, "month"),
  ...windowQuery,
} satisfies Shape;

/** /api/segments/profile: a segment's 생활 지표 and 관심집단 over the window. */
export const profileQuery = { ...segmentQuery, ...windowQuery } satisfies Shape;

export const populationQuery = {
  age: required("age", v.age),
  sex: optional("sex", v.sexFilter, "T"),
  ...windowQuery,
} satisfies Shape;

export const correlationQuery = populationQuery;

export const averageAgeQuery = { sex: optional("sex", v.sexFilter, "T"), ...windowQuery } satisfies Shape;

export const targetsQuery = { limit: optional("limit", v.limit, DEFAULT_TARGET_LIMIT), ...windowQuery } satisfies Shape;

/** The service in /api/services/{service}/…: a path segment, read with the same codec. */
export const servicePath = { service: required("service", v.service) } satisfies Shape;

/** /api/seasonality: the Seoul level per month, as published or per day. */
export const seasonalityQuery = { basis: optional("basis", v.basis, "month"), ...windowQuery } satisfies Shape;

/** /api/services/{service}/districts: one sex × age group across the 25 districts (T: both sexes). */
export const districtEffectQuery = {
  sex: optional("sex", v.sexFilter, "T"),
  age: required("age", v.age),
  ...windowQuery,
} satisfies Shape;

/**
 * /api/services/{service}/audience's grain, read first: it decides which of the two queries below
 * applies (left out or `district`: the 300 district segments, as before the 행정동 grain existed).
 */
export const grainQuery = { grain: optional("grain", v.grain, "district" as const) } satisfies Shape;

/** /api/services/{service}/audience: every filter optional (sex T = both); all 300 rows by default. */
export const audienceQuery = {
  sex: optional("sex", v.sexFilter, "T"),
  age: optional("age", v.age),
  district: optional("district", v.district),
  sort: optional("sort", v.audienceSort, "z"),
  limit: optional("limit", v.limit, 300),
  offset: optional("offset", v.offset, 0),
  ...windowQuery,
} satisfies Shape;

/**
 * /api/services/{service}/audience?grain=dong: the 행정동 segments of the window's months with 행정동
 * figures (left out: those months), filtered, sorted (dongZ: the 행정동 effect within the district) and
 * paged; 300 rows by default.
 */
export const dongAudienceQuery = {
  ...grainQuery,
  sex: optional("sex", v.sexFilter, "T"),
  age: optional("age", v.age),
  district: optional("district", v.district),
  sort: optional("sort", v.dongAudienceSort, "z"),
  limit: optional("limit", v.limit, 300),
  offset: optional("offset", v.dongOffset, 0),
  ...windowQuery,
} satisfies Shape;

/**
 * /api/services/{service}/audience/csv: the /audience table's CSV, every filtered row in the table's
 * order (the page's own sort, filters, grain and window), so a 5,088-row table need not travel in the page.
 */
export const audienceCsvQuery = {
  ...grainQuery,
  sex: optional("sex", v.sexFilter, "T"),
  age: optional("age", v.age),
  district: optional("district", v.district),
  sort: optional("sort", v.audienceTableSort, "score-desc"),
  ...windowQuery,
} satisfies Shape;

/** /api/segments/compare: 2–4 distinct segment ids side by side. */
export const compareQuery = {
  segments: required("segments", v.compareSegments),
  basis: optional("basis", v.basis, "month"),
  ...windowQuery,
} satisfies Shape;

export const DEFAULT_CAP = 10;
/** The reach model's assumptions a link leaves out: everyone reachable, shape 1 (see lib/engine/reach.ts). */
export const DEFAULT_REACHABLE = 100;
export const DEFAULT_SHAPE = 1;

const planQueries = new WeakMap<readonly string[], ReturnType<typeof buildPlanQuery>>();

function buildPlanQuery(months: readonly string[]) {
  return {
    service: required("service", v.service),
    budget: required("budget", v.budget),
    cpm: required("cpm", v.cpm),
    cap: optional("cap", v.cap, DEFAULT_CAP),
    reachable: optional("reachable", v.reachable, DEFAULT_REACHABLE),
    shape: optional("shape", v.shape, DEFAULT_SHAPE),
    // Left out: every month of the dataset, and the service's top 10 targets (the engine's defaults).
    months: optional("months", v.monthListCodec(months)),
    segments: optional("segments", v.planSegments),
    ...windowQuery,
  } satisfies Shape;
}

/**
 * /api/plan. The months a plan may name are the window's, so the shape is built per month list (once
 * per window engine: each engine's list is one array for its life).
 */
export function planQuery(months: readonly string[]) {
  let shape = planQueries.get(months);
  if (!shape) planQueries.set(months, (shape = buildPlanQuery(months)));
  return shape;
}
