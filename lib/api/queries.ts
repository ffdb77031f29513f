import { DISTRICTS, districtRef } from "@/lib/districts";
import { AGES, SERVICES, SEX_FILTERS, type Age, type SegmentKey, type ServiceId, type SexFilter } from "@/lib/domain";
import type { Engine } from "@/lib/engine";

/**
 * The API's resources, one function each, shared by the route handlers and the server-rendered pages
 * so a page's first render and its JSON agree to the digit.
 */
export type SegmentParams = SegmentKey;

export function getMeta(engine: Engine) {
  const { kind, title, source, attribution, aggregation, method, months, files } = engine.meta;
  return {
    dataset: { kind, title, source, attribution, aggregation, method: method ?? null, months, files: files?.map((f) => f.name) ?? [] },
    districts: DISTRICTS.map(districtRef),
    services: SERVICES.map(({ id, name_ko }) => ({ id, name_ko })),
    ages: AGES,
    sexes: SEX_FILTERS,
  };
}

export function getPriority(engine: Engine, key: SegmentParams) {
  return { segment: engine.segment(key), ...engine.priority(key) };
}

export function getTrend(engine: Engine, key: SegmentParams) {
  return { segment: engine.segment(key), ...engine.trend(key) };
}

export function getTargets(engine: Engine, service: ServiceId, limit: number) {
  return { service, targets: engine.targets(service, limit) };
}

export function getPopulation(engine: Engine, age: Age, sex: SexFilter) {
  return { age, sex, districts: engine.population(age, sex) };
}

export function getCorrelation(engine: Engine, age: Age, sex: SexFilter) {
  const m = engine.correlation(age, sex === "T" ? undefined : sex);
  return { age, sex, services: m.services, matrix: m.matrix, observations: m.observations };
}

export function getAverageAge(engine: Engine, sex: SexFilter) {
  return { sex, districts: engine.averageAge(sex) };
}

export function getHealth(engine: Engine) {
  return { status: "ok" as const, kind: engine.meta.kind, months: engine.months, version: engine.meta.sha256.slice(0, 16) };
}
