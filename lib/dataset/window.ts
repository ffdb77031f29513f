import { DISTRICTS } from "@/lib/districts";
import { AGES, SERVICE_IDS, SEXES, type ServiceId } from "@/lib/domain";
import type { ColumnId } from "./measures";
import type { AnalysisWindow, Dataset, DatasetMetaV2, Grain, LoadedDataset, UsageRow } from "./types";

/** The dataset's months inside the window (inclusive), ascending. */
export function windowMonths(meta: Pick<DatasetMetaV2, "months">, w: AnalysisWindow): string[] {
  return meta.months.filter((m) => m >= w.from && m <= w.to);
}

export function sameWindow(a: AnalysisWindow, b: AnalysisWindow): boolean {
  return a.from === b.from && a.to === b.to;
}

/** What a view needs of every month of its window. */
export interface WindowNeeds {
  columns: readonly ColumnId[];
  grain: Grain;
}

/** The columns every engine window needs: population and the seven services at district grain. */
export const ENGINE_NEEDS: WindowNeeds = { columns: ["population", ...SERVICE_IDS], grain: "district" };

export interface WindowGap {
  /** Months of the window lacking a needed column at the grain. */
  missing: string[];
  /** Months of the dataset that have every needed column at the grain. */
  have: string[];
}

/** Null when every month of the window (and at least one) has what is needed, else what is missing. */
export function checkWindow(data: LoadedDataset, w: AnalysisWindow, needs: WindowNeeds): WindowGap | null {
  const has = (month: string) => {
    const cols = needs.grain === "dong" ? data.dongMonths.get(month)?.columns : data.districtMonths.get(month)?.columns;
    return needs.columns.every((id) => cols?.[id] !== undefined);
  };
  const inWindow = windowMonths(data.meta, w);
  const missing = inWindow.filter((m) => !has(m));
  if (inWindow.length > 0 && missing.length === 0) return null;
  return { missing, have: data.meta.months.filter(has) };
}

/**
 * The window's district rows in the shape the Engine takes (population and the seven services per
 * segment and month). The caller has checked the window with ENGINE_NEEDS. meta.sha256 carries the
 * dataset's version, which versions ETags.
 */
export function engineDataset(data: LoadedDataset, w: AnalysisWindow): Dataset {
  const months = windowMonths(data.meta, w);
  const rows: UsageRow[] = [];
  for (const month of months) {
    const cols = data.districtMonths.get(month)!.columns;
    let c = 0;
    for (const d of DISTRICTS) {
      for (const sex of SEXES) {
        for (const age of AGES) {
          const usage = Object.fromEntries(SERVICE_IDS.map((s) => [s, cols[s]![c]!])) as Record<ServiceId, number>;
          rows.push({ month, districtCode: d.code, sex, age, population: cols.population![c]!, usage });
          c++;
        }
      }
    }
  }
  const { kind, title, source, attribution, aggregation, method } = data.meta;
  return { meta: { kind, title, source, attribution, aggregation, method, months, sha256: data.version }, rows };
}
