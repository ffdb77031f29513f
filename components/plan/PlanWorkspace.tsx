"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { ServiceId } from "@/lib/domain";
import type { CurveOutcome, PlanOutcome } from "@/lib/engine";
import { makeQueryClient } from "@/lib/query/client";
import { planKeys } from "@/lib/query/plan";
import { planTitle } from "@/lib/views/plan";
import { staleReason } from "@/lib/views/plan-inputs";
import { PlanInputs } from "./PlanInputs";
import { PlanResults } from "./PlanResults";
import { segmentsOf, usePlanState } from "./usePlanState";

interface Props {
  months: readonly string[];
  /** Doubtful months of the window (lib/dataset/quality.ts), marked ⚠ on the month toggles. */
  flagged?: readonly string[];
  /** The server's plan and reach curve for the URL it rendered, under that URL's canonical query. */
  initial: { canonicalQuery: string; outcome: PlanOutcome; curve: CurveOutcome };
  /** Each service's top 10 targets as segment ids: the segments when the URL names none. */
  defaults: Readonly<Record<ServiceId, readonly string[]>>;
  attribution: string;
  /** 행정동 segments' names by id. */
  labels?: Readonly<Record<string, string>>;
  /** Where 행정동 segments are picked (/audience at the 행정동 grain). */
  dongAudienceHref: string;
}

/**
 * /plan's interactive part. The server rendered the plan for the link; this keeps the inputs in the URL
 * and recomputes through /api/plan while they change. Its QueryClient lives here, not in the root
 * layout: no other page fetches after interaction.
 */
export function PlanWorkspace({
  months,
  flagged = [],
  initial,
  defaults,
  attribution,
  labels = {},
  dongAudienceHref,
}: Props) {
  const [client] = useState(() => {
    const qc = makeQueryClient();
    qc.setQueryData(planKeys.plan(initial.canonicalQuery), initial.outcome);
    qc.setQueryData(planKeys.curve(initial.canonicalQuery), initial.curve);
    return qc;
  });
  const [values, setValues] = usePlanState(months);
  // "모두 지우기" empties the list on screen only: a plan needs a segment, so the URL keeps the last
  // plan's until one is added (the results meanwhile are marked as the previous plan).
  const [cleared, setCleared] = useState(false);
  const update: typeof setValues = useCallback(
    (patch) => {
      if ("segments" in patch) setCleared(false);
      setValues(patch);
    },
    [setValues],
  );
  const segments = cleared ? [] : segmentsOf(values, defaults);
  // The fields whose typed text is not valid: while there are any, the results are the last valid plan.
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(() => new Set());
  const onValidity = useCallback((id: string, valid: boolean) => {
    setInvalid((prev) => {
      if (valid !== prev.has(id)) return prev;
      const next = new Set(prev);
      if (valid) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const stale = staleReason([...invalid], cleared);

  // The server writes the title for the link it rendered; later changes are shallow, so follow them here
  // (the layout's title template adds the site name).
  const title = `${planTitle(values.service, values.budget)} · AdTarget Seoul`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <QueryClientProvider client={client}>
      <PlanInputs
        months={months}
        flagged={flagged}
        values={values}
        segments={segments}
        labels={labels}
        dongAudienceHref={dongAudienceHref}
        cleared={cleared}
        update={update}
        onClear={() => setCleared(true)}
        onValidity={onValidity}
      />
      <PlanResults
        months={months}
        values={values}
        segmentCount={segments.length}
        attribution={attribution}
        stale={stale}
      />
    </QueryClientProvider>
  );
}
