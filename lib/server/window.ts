import "server-only";
import type { AnalysisWindow } from "@/lib/dataset/types";
import type { QualityNote } from "@/lib/dataset/quality";
import type { Engine } from "@/lib/engine";
import type { ParamProblem } from "@/lib/params";
import { PARAM_LABELS } from "@/lib/params/param";
import { monthLabel } from "@/lib/format";
import { hrefOf, writeQuery, type Shape, type ShapeValues } from "@/lib/params/query";
import { notesIn, periodPresets, type PeriodPreset } from "@/lib/views/period";
import { getEngines } from "./engine";

export interface PageWindow {
  engine: Engine;
  window: AnalysisWindow;
  /** The doubtful months inside the window. */
  notes: QualityNote[];
  /** A problem for the page's notice when the link's window cannot be analysed (the default is shown). */
  problem?: ParamProblem;
}

/**
 * A page's analysis window from its from/to: the engine over it, or, for a window the data cannot
 * answer, the default window's engine and a problem naming from/to and the months that have data, as
 * any other invalid link value is shown.
 */
export function pageWindow(values: { from?: string; to?: string }): PageWindow {
  const engines = getEngines();
  const asked = engines.resolve(values.from, values.to);
  const r = engines.engine(asked);
  const notesOf = (engine: Engine) => notesIn(engines.qualityNotes, engine.months);
  if (r.ok) return { engine: r.engine, window: asked, notes: notesOf(r.engine) };
  const parameter = asked.from > asked.to || !r.gap.have.includes(asked.from) ? "from" : "to";
  const problem: ParamProblem = {
    parameter,
    label: PARAM_LABELS[parameter]!,
    kind: "invalid",
    raw: `${asked.from}…${asked.to}`,
    reason: asked.from > asked.to ? "from is after to" : "the dataset has no data for this window",
    allowed: {
      text: `months of the dataset: ${r.gap.have.join(", ")}`,
      values: r.gap.have.map((m) => ({ value: m, label: monthLabel(m) })),
    },
  };
  return { engine: engines.default, window: engines.defaultWindow, notes: notesOf(engines.default), problem };
}

/** The PeriodControl's props for a page: presets linking the page's current view with each window. */
export function periodControlProps<S extends Shape>(
  path: string,
  shape: S,
  values: Partial<ShapeValues<S>>,
  pw: PageWindow,
) {
  const engines = getEngines();
  const { months } = engines.data.meta;
  const rest = { ...values, from: undefined, to: undefined } as Partial<ShapeValues<S>>;
  return {
    path,
    presets: periodPresets(months, engines.defaultWindow),
    hrefOf: (p: PeriodPreset) => hrefOf(path, shape, { ...rest, from: p.from, to: p.to } as Partial<ShapeValues<S>>),
    keep: [...new URLSearchParams(writeQuery(shape, rest)).entries()],
    window: pw.window,
    months,
    allNotes: engines.qualityNotes,
    notes: pw.notes,
  };
}
