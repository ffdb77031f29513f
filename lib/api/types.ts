import type { getPriority, getSeasonality, getTrend } from "./queries";

/** The API's response bodies, as the browser receives them (the e2e specs read them typed). */
export type PriorityResponse = ReturnType<typeof getPriority>;
export type TrendResponse = ReturnType<typeof getTrend>;
export type SeasonalityResponse = ReturnType<typeof getSeasonality>;
