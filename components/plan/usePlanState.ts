"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { codecs } from "@/lib/params";
import { nuqsParser, shapeParsers } from "@/lib/params/nuqs";
import { planPage, type PlanValues } from "@/lib/params/pages";
import type { AnySegment, ServiceId } from "@/lib/domain";

/**
 * /plan's inputs, read from and written to the URL through the page shape's codecs. Writes replace the
 * history entry (back leaves the page rather than undoing keystrokes) and are shallow: the server does
 * not re-render for each change; the results refetch /api/plan through TanStack Query instead.
 */
export function usePlanState(months: readonly string[]) {
  // Segments are read leniently, as the server page reads them: a partly bad link keeps its valid ids.
  const parsers = useMemo(
    () => ({
      ...shapeParsers(planPage(months)),
      segments: nuqsParser(codecs.planSegmentsLenient).withOptions({ shallow: false, history: "push" }),
    }),
    [months],
  );
  const [state, setState] = useQueryStates(parsers);
  // nuqs gives null for a missing parameter without a default (segments, from, to); the shape's reading
  // of it is undefined.
  const values = useMemo(
    () =>
      ({
        ...state,
        segments: state.segments ?? undefined,
        from: state.from ?? undefined,
        to: state.to ?? undefined,
      }) as PlanValues,
    [state],
  );
  const update = useCallback(
    (patch: Partial<{ [K in keyof PlanValues]: PlanValues[K] | null }>) =>
      void setState(patch, { shallow: true, history: "replace" }),
    [setState],
  );
  return [values, update] as const;
}

/** The segments a plan covers: the chosen ones, or the service's top targets (ids from the server). */
export function segmentsOf(values: PlanValues, defaults: Readonly<Record<ServiceId, readonly string[]>>): AnySegment[] {
  if (values.segments) return values.segments;
  return defaults[values.service].flatMap((id) => {
    const r = codecs.segment.parse(id);
    return r.ok ? [r.value] : [];
  });
}
