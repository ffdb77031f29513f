"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ServiceId } from "@/lib/domain";
import type { PlanOutcome } from "@/lib/engine";
import { makeQueryClient } from "@/lib/query/client";
import { planKeys } from "@/lib/query/plan";
import { planTitle } from "@/lib/views/plan";
import { PlanInputs } from "./PlanInputs";
import { PlanResults } from "./PlanResults";
import { segmentsOf, usePlanState } from "./usePlanState";

interface Props {
  months: readonly string[];
  /** Doubtful months of the window (lib/dataset/quality.ts), marked ⚠ on the month toggles. */
  flagged?: readonly string[];
  /** The server's plan for the URL it rendered, under that URL's canonical query. */
  initial: { canonicalQuery: string; outcome: PlanOutcome };
  /** Each service's top 10 targets as segment ids: the segments when the URL names none. */
  defaults: Readonly<Record<ServiceId, readonly string[]>>;
  attribution: string;
}

/**
 * /plan's interactive part. The server rendered the plan for the link; this keeps the inputs in the URL
 * and recomputes through /api/plan while they change. Its QueryClient lives here, not in the root
 * layout: no other page fetches after interaction.
 */
export function PlanWorkspace({ months, flagged = [], initial, defaults, attribution }: Props) {
  const [client] = useState(() => {
    const qc = makeQueryClient();
    qc.setQueryData(planKeys.plan(initial.canonicalQuery), initial.outcome);
    return qc;
  });
  const [values, update] = usePlanState(months);
  const segments = segmentsOf(values, defaults);

  // The server writes the title for the link it rendered; later changes are shallow, so follow them here
  // (the layout's title template adds the site name).
  const title = `${planTitle(values.service, values.budget)} · AdTarget Seoul`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <QueryClientProvider client={client}>
      <PlanInputs months={months} flagged={flagged} values={values} segments={segments} update={update} />
      <PlanResults months={months} values={values} segmentCount={segments.length} attribution={attribution} />
    </QueryClientProvider>
  );
}
