import { SERVICE_IDS, unitKind, type Basis, type ServiceId, type UnitKind } from "@/lib/domain";
import { mean } from "@/lib/stats";
import { seriesOn, type SegmentSeries } from "./segments";

/** levels[service][month]: the Seoul level of each service in each month on one basis. */
export type SeoulLevels = Record<ServiceId, number[]>;

/**
 * The Seoul level of a service in a month: Σ p·v ÷ Σ p over all segments, population-weighted so a
 * segment of 100,000 people counts 100 times one of 1,000 (the plain mean of segments would let the
 * small old-age segments pull the city towards them).
 */
export function seoulLevels(segments: readonly SegmentSeries[], monthCount: number, basis: Basis): SeoulLevels {
  const levels = {} as SeoulLevels;
  for (const service of SERVICE_IDS) {
    levels[service] = Array.from({ length: monthCount }, (_, m) => {
      let weighted = 0;
      let people = 0;
      for (const seg of segments) {
        weighted += seg.population[m]! * seriesOn(seg, service, basis)[m]!;
        people += seg.population[m]!;
      }
      return weighted / people;
    });
  }
  return levels;
}

/**
 * How a month compares with the service's average month. Counts: 100 × level ÷ mean level ("index100",
 * 110 = 10 % above). Indices are centred near 0 and often negative, where a ratio means nothing, so
 * the difference from the mean in index points ("difference").
 */
export type RelativeKind = "index100" | "difference";

export interface ServiceSeasonality {
  service: ServiceId;
  unitKind: UnitKind;
  level: number[];
  relative: number[];
  relativeKind: RelativeKind;
}

export interface Seasonality {
  basis: Basis;
  months: string[];
  services: ServiceSeasonality[];
}

export function seasonality(levels: SeoulLevels, months: readonly string[], basis: Basis): Seasonality {
  return {
    basis,
    months: [...months],
    services: SERVICE_IDS.map((service) => {
      const level = levels[service];
      const avg = mean(level);
      const kind = unitKind(service);
      return {
        service,
        unitKind: kind,
        level,
        relative: level.map((v) => (kind === "count" ? (100 * v) / avg : v - avg)),
        relativeKind: kind === "count" ? "index100" : "difference",
      };
    }),
  };
}
