import { SERVICE_IDS, type Age, type ServiceId, type Sex } from "@/lib/domain";
import { pearson } from "@/lib/stats";
import type { SegmentSeries } from "./segments";

export interface CorrelationMatrix {
  services: readonly ServiceId[];
  /** matrix[i][j] = Pearson r of services[i] and services[j]; null when a service is constant. */
  matrix: (number | null)[][];
  /** How many segment-months each r is computed over. */
  observations: number;
}

/** 7×7 Pearson matrix over every segment-month of one age band (and one sex, when given). */
export function correlationMatrix(segments: readonly SegmentSeries[], age: Age, sex?: Sex): CorrelationMatrix {
  const chosen = segments.filter((s) => s.age === age && (sex === undefined || s.sex === sex));
  const columns = Object.fromEntries(
    SERVICE_IDS.map((svc) => [svc, chosen.flatMap((seg) => seg.series[svc])]),
  ) as Record<ServiceId, number[]>;
  const matrix = SERVICE_IDS.map((a) => SERVICE_IDS.map((b) => pearson(columns[a], columns[b])));
  return { services: SERVICE_IDS, matrix, observations: columns.game.length };
}
