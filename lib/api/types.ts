import type { Plan } from "@/lib/engine";
import type {
  getAudience,
  getAverageAge,
  getComparison,
  getCorrelation,
  getDistrictEffect,
  getHealth,
  getMeta,
  getPopulation,
  getPriority,
  getSeasonality,
  getTargets,
  getTrend,
} from "./queries";

/** The API's response bodies, as the browser receives them. */
export type MetaResponse = ReturnType<typeof getMeta>;
export type HealthResponse = ReturnType<typeof getHealth>;
export type PriorityResponse = ReturnType<typeof getPriority>;
export type TrendResponse = ReturnType<typeof getTrend>;
export type TargetsResponse = ReturnType<typeof getTargets>;
export type PopulationResponse = ReturnType<typeof getPopulation>;
export type CorrelationResponse = ReturnType<typeof getCorrelation>;
export type AverageAgeResponse = ReturnType<typeof getAverageAge>;
export type SeasonalityResponse = ReturnType<typeof getSeasonality>;
export type DistrictEffectResponse = ReturnType<typeof getDistrictEffect>;
export type AudienceResponse = ReturnType<typeof getAudience>;
export type CompareResponse = ReturnType<typeof getComparison>;
export type PlanResponse = Plan;
