import { ageParam, districtParam, limitParam, sexFilterParam, sexParam, type QueryShape } from "./params";

/** The query shapes the API's routes accept; pages reuse them for their URL state. */
export const segmentShape = {
  district: { spec: districtParam },
  sex: { spec: sexParam },
  age: { spec: ageParam },
} satisfies QueryShape;

export const populationShape = {
  age: { spec: ageParam },
  sex: { spec: sexFilterParam, optional: { fallback: "T" as const } },
} satisfies QueryShape;

export const correlationShape = populationShape;

export const averageAgeShape = {
  sex: { spec: sexFilterParam, optional: { fallback: "T" as const } },
} satisfies QueryShape;

export const DEFAULT_TARGET_LIMIT = 10;
export const targetsShape = {
  limit: { spec: limitParam, optional: { fallback: DEFAULT_TARGET_LIMIT } },
} satisfies QueryShape;
