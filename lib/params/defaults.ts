import type { Age, ServiceId, Sex, SexFilter } from "@/lib/domain";
import type { InsightMetric } from "./values";

/** The views a link without parameters shows, and the API's default sizes. */
export const DEFAULT_TARGET_LIMIT = 10;
export const SEGMENT_DEFAULTS: { districtSlug: string; sex: Sex; age: Age } = { districtSlug: "gangnam-gu", sex: "F", age: 20 };
export const INSIGHTS_DEFAULTS: { age: Age; sex: SexFilter; metric: InsightMetric } = { age: 20, sex: "T", metric: "average-age" };
export const DEFAULT_SERVICE: ServiceId = "delivery";
