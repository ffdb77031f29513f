import { queryOptions } from "@tanstack/react-query";
import type {
  AverageAgeResponse,
  CorrelationResponse,
  PopulationResponse,
  TargetsResponse,
} from "@/lib/api/types";
import type { Age, ServiceId, SexFilter } from "@/lib/domain";

/**
 * One query definition per API resource: the key factory and the browser's fetcher. Server pages put
 * the same data under the same keys (see lib/query/prefetch.ts), so hydration needs no request.
 */
export const queryKeys = {
  targets: (service: ServiceId, limit: number) => ["targets", service, limit] as const,
  population: (age: Age, sex: SexFilter) => ["population", age, sex] as const,
  correlation: (age: Age, sex: SexFilter) => ["correlation", age, sex] as const,
  averageAge: (sex: SexFilter) => ["average-age", sex] as const,
};

async function getJson<T>(path: string, params: Record<string, string | number>): Promise<T> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${path}?${qs}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.message ?? `${path}: HTTP ${res.status}`);
  return body as T;
}

const STALE = 5 * 60_000; // the dataset only changes when the server restarts

export const targetsQuery = (service: ServiceId, limit: number) =>
  queryOptions({
    queryKey: queryKeys.targets(service, limit),
    queryFn: () => getJson<TargetsResponse>(`/api/services/${service}/targets`, { limit }),
    staleTime: STALE,
  });

export const populationQuery = (age: Age, sex: SexFilter) =>
  queryOptions({ queryKey: queryKeys.population(age, sex), queryFn: () => getJson<PopulationResponse>("/api/population", { age, sex }), staleTime: STALE });

export const correlationQuery = (age: Age, sex: SexFilter) =>
  queryOptions({ queryKey: queryKeys.correlation(age, sex), queryFn: () => getJson<CorrelationResponse>("/api/correlation", { age, sex }), staleTime: STALE });

export const averageAgeQuery = (sex: SexFilter) =>
  queryOptions({ queryKey: queryKeys.averageAge(sex), queryFn: () => getJson<AverageAgeResponse>("/api/map/average-age", { sex }), staleTime: STALE });
