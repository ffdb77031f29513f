import { queryOptions } from "@tanstack/react-query";
import type { PlanOutcome } from "@/lib/engine";
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
};

/** The /api/plan query for these inputs: budget and CPM always written (the API requires them). */
export function planApiQuery(months: readonly string[], values: PlanValues): string {
  const all = values.months.length === months.length;
  return writeQuery(planQuery(months), { ...values, months: all ? undefined : values.months });
}

export function planQueryOptions(months: readonly string[], values: PlanValues) {
  return queryOptions({
    queryKey: planKeys.plan(writeQuery(planPage(months), values)),
    queryFn: async ({ signal }): Promise<PlanOutcome> => {
      const res = await fetch(`/api/plan${planApiQuery(months, values)}`, { signal });
      const body = await res.json();
      if (res.ok) return { ok: true, plan: body };
      if (res.status === 400 && body?.parameter === "segments") return { ok: false, parameter: "segments", reason: String(body.message) };
      throw new Error(body?.message ?? `/api/plan: HTTP ${res.status}`);
    },
    // The dataset changes only with a restart, so a plan once fetched stays right for the session.
    staleTime: Infinity,
  });
}
