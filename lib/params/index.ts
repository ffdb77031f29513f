/** URL parameters: one codec per value, shared by the API, the pages and the browser (see codec.ts). */
export * from "./codec";
export * from "./defaults";
export * from "./param";
export * from "./query";
export * as codecs from "./values";
export type { AudienceSort, Basis, InsightMetric, ListReading } from "./values";
