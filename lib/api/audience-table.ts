import type { District } from "@/lib/districts";
import type { Age, Grain, ServiceId, SexFilter } from "@/lib/domain";
import type { Engine } from "@/lib/engine";
import type { DongData, WindowInfo } from "@/lib/engine/dong-engine";
import type { AudienceTableSort } from "@/lib/params/values";
import { tableCsv } from "@/lib/table";
import {
  audienceTable,
  audienceViewRows,
  districtIndexes,
  dongAudienceViewRows,
  sortAudienceRows,
  type AudienceViewRow,
} from "@/lib/views/audience";
import { getDongAudience } from "./dong-queries";
import { getAudience } from "./queries";

/**
 * The /audience table's rows — every segment the filters keep, in the table's order — for the page
 * (which shows 50 of them) and for the CSV route (which writes them all). One function for both, so
 * the download has exactly the rows the table pages through.
 */
export interface AudienceFilter {
  /** T (both sexes) filters nothing. */
  sex: SexFilter;
  age?: Age;
  district?: District;
}

/** The district grain: the 300 district segments of the engine's window, filtered and sorted. */
export function districtAudienceRows(
  engine: Engine,
  service: ServiceId,
  filter: AudienceFilter,
  sort: AudienceTableSort,
): AudienceViewRow[] {
  const rows = getAudience(engine, service, { ...filter, sort: "z", limit: 300, offset: 0 }).segments;
  return sortAudienceRows(audienceViewRows(rows, service, districtIndexes(engine, service)), sort);
}

/** The 행정동 grain: the 행정동 segments of the window (months with 행정동 figures), filtered and sorted. */
export function dongAudienceRows(
  data: DongData,
  service: ServiceId,
  filter: AudienceFilter,
  sort: AudienceTableSort,
  window: WindowInfo,
): AudienceViewRow[] {
  const rows = getDongAudience(data, service, { ...filter, sort: "z", limit: Infinity, offset: 0, window }).segments;
  return sortAudienceRows(dongAudienceViewRows(rows, service), sort);
}

/** The table's CSV: its columns, cells and rounding (lib/table.ts tableCsv), every row in order. */
export function audienceCsv(rows: readonly AudienceViewRow[], service: ServiceId, grain: Grain): string {
  return tableCsv(audienceTable(rows, service, grain));
}
