import { DISTRICTS, type District } from "@/lib/districts";
import {
  AGES,
  DEFAULT_BASIS,
  SERVICES,
  SEX_FILTERS,
  type Age,
  type Basis,
  type SegmentKey,
  type ServiceId,
  type SexFilter,
} from "@/lib/domain";
import type { AnalysisWindow } from "@/lib/dataset/types";
import type { AudienceSort, Engine, PlanRequest } from "@/lib/engine";
import type { Engines } from "@/lib/engine/windows";

/**
 * The API's resources, one function each, shared by the route handlers and the server-rendered pages
 * so a page's first render and its JSON agree to the digit.
 */
/**
 * The dataset and vocabulary. `dataset.months` are the default window's (as before windows existed);
 * `months` every month of the dataset, with the measures and groups each month has and the months the
 * quality rule flags.
 */
export function getMeta(engines: Engines) {
  const { kind, title, source, attribution, aggregation, method, sources } = engines.meta;
  const { meta } = engines.data;
  return {
    dataset: {
      kind,
      title,
      source,
      attribution,
      aggregation,
      method: method ?? null,
      months: engines.default.months,
      files: (sources ?? []).map((f) => f.name),
    },
    months: meta.months,
    defaultWindow: meta.defaultWindow,
    measures: meta.measures.map(({ id, name_ko, kind, unit_ko, months, grains }) => ({
      id,
      name_ko,
      kind,
      unit_ko,
      months,
      grains,
    })),
    groups: meta.groups,
    qualityNotes: engines.qualityNotes,
    districts: DISTRICTS,
    services: SERVICES.map(({ id, name_ko }) => ({ id, name_ko })),
    ages: AGES,
    sexes: SEX_FILTERS,
  };
}

/** A segment's 생활 지표 (every measure the window has) and 관심집단 shares over the window. */
export function getProfile(engines: Engines, window: AnalysisWindow, key: SegmentKey) {
  const { measures, groups } = engines.profile(window, key);
  const engine = engines.engine(window);
  if (!engine.ok) throw new RangeError(`window ${window.from}…${window.to} has no engine`);
  return { segment: engine.engine.segment(key), window: { ...window, months: engine.months }, measures, groups };
}

/** `basis` changes bestMonths only (per day: counts ÷ the month's days). */
export function getPriority(engine: Engine, key: SegmentKey, basis: Basis = DEFAULT_BASIS) {
  return { segment: engine.segment(key), ...engine.priority(key, basis) };
}

export function getTrend(engine: Engine, key: SegmentKey, basis: Basis = DEFAULT_BASIS) {
  return { segment: engine.segment(key), ...engine.trend(key, basis) };
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
  return {
    status: "ok" as const,
    kind: engine.meta.kind,
    months: engine.months,
    version: engine.meta.sha256.slice(0, 16),
  };
}

export function getSeasonality(engine: Engine, basis: Basis) {
  return engine.seasonality(basis);
}

export function getDistrictEffect(engine: Engine, service: ServiceId, sex: SexFilter, age: Age) {
  return { service, sex, age, districts: engine.districtEffect(service, sex, age) };
}

export interface AudienceParams {
  /** T (both sexes) filters nothing. */
  sex: SexFilter;
  age?: Age;
  district?: District;
  sort: AudienceSort;
  limit: number;
  offset: number;
}

export function getAudience(engine: Engine, service: ServiceId, { sex, ...rest }: AudienceParams) {
  const { total, segments } = engine.audience(service, { ...rest, sex: sex === "T" ? undefined : sex });
  return { service, total, segments };
}

export function getComparison(engine: Engine, keys: readonly SegmentKey[], basis: Basis) {
  return { basis, segments: engine.compare(keys, basis) };
}

/**
 * The plan, or the reason there is none: when no chosen segment over-uses the service in the chosen
 * months every weight is 0 and there is nothing to share the budget by (a 400 naming `segments`).
 */
export function getPlan(engine: Engine, request: PlanRequest) {
  return engine.plan(request);
}

/** The reach curve: the plan at several multiples of its budget (refused like the plan). */
export function getPlanCurve(engine: Engine, request: PlanRequest) {
  return engine.planCurve(request);
}
