import { queryOptions } from "@tanstack/react-query";
import type { CurveOutcome, PlanOutcome } from "@/lib/engine";
import { planQuery } from "@/lib/params/api";
import { planPage, type PlanValues } from "@/lib/params/pages";
import { writeQuery } from "@/lib/params/query";

/**
 * The plan as TanStack Query fetches it while the planner types: keyed by the page's canonical query
 * (the same string the server renders and caches the page by), fetched from /api/plan. A plan that
 * cannot be made (no chosen segment over-uses the service in the chosen months: the API's 400 for
 * `segments`) is an answer, not an error, so the page can explain it and keep the inputs editable.
 */
export const planKeys = {
  plan: (canonicalQuery: string) => ["plan", canonicalQuery] as const,
  curve: (canonicalQuery: string) => ["plan-curve", canonicalQuery] as const,
};

/** The /api/plan query for these inputs: budget and CPM always written (the API requires them). */
export function planApiQuery(months: readonly string[], values: PlanValues): string {
  const all = values.months.length === months.length;
  return writeQuery(planQuery(months), { ...values, months: all ? undefined : values.months });
}

/** GET an /api/plan resource: its body, or the 400 for `segments` as an answer (nothing to weight by). */
async function fetchPlanResource<T>(
  path: string,
  signal: AbortSignal,
  wrap: (body: never) => T,
): Promise<T | { ok: false; parameter: "segments"; reason: string }> {
  const res = await fetch(path, { signal });
  const body = await res.json();
  if (res.ok) return wrap(body as never);
  if (res.status === 400 && body?.parameter === "segments")
    return { ok: false, parameter: "segments", reason: String(body.message) };
  throw new Error(body?.message ?? `${path.split("?")[0]}: HTTP ${res.status}`);
}

/** The reach curve for the same inputs, from /api/plan/curve. */
export function planCurveQueryOptions(months: readonly string[], values: PlanValues) {
  return queryOptions({
    queryKey: planKeys.curve(writeQuery(planPage(months), values)),
    queryFn: ({ signal }): Promise<CurveOutcome> =>
      fetchPlanResource(`/api/plan/curve${planApiQuery(months, values)}`, signal, (body: { points: never }) => ({
        ok: true as const,
        points: body.points,
      })),
    staleTime: Infinity,
  });
}

export function planQueryOptions(months: readonly string[], values: PlanValues) {
  return queryOptions({
    queryKey: planKeys.plan(writeQuery(planPage(months), values)),
    queryFn: ({ signal }): Promise<PlanOutcome> =>
      fetchPlanResource(`/api/plan${planApiQuery(months, values)}`, signal, (plan: never) => ({
        ok: true as const,
        plan,
      })),
    // The dataset changes only with a restart, so a plan once fetched stays right for the session.
    staleTime: Infinity,
  });
}
