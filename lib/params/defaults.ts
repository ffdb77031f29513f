import { districtNamed, type District } from "@/lib/districts";
import type { Age, ServiceId, Sex, SexFilter } from "@/lib/domain";
import type { InsightMetric } from "./values";

/** The views a link without parameters shows, and the API's default sizes. */
export const DEFAULT_TARGET_LIMIT = 10;
export const SEGMENT_DEFAULTS: { district: District; sex: Sex; age: Age } = {
  district: districtNamed("gangnam-gu"),
  sex: "F",
  age: 20,
};
export const INSIGHTS_DEFAULTS: { age: Age; sex: SexFilter; metric: InsightMetric } = {
  age: 20,
  sex: "T",
  metric: "average-age",
};
export const DEFAULT_SERVICE: ServiceId = "delivery";
