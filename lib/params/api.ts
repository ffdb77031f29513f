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

export const segmentBasisQuery = { ...segmentQuery, basis: optional("basis", v.basis, "month") } satisfies Shape;

export const populationQuery = {
  age: required("age", v.age),
  sex: optional("sex", v.sexFilter, "T"),
} satisfies Shape;

export const correlationQuery = populationQuery;

export const averageAgeQuery = { sex: optional("sex", v.sexFilter, "T") } satisfies Shape;

export const targetsQuery = { limit: optional("limit", v.limit, DEFAULT_TARGET_LIMIT) } satisfies Shape;

/** The service in /api/services/{service}/…: a path segment, read with the same codec. */
export const servicePath = { service: required("service", v.service) } satisfies Shape;
