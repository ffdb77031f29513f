import { csvFormatRows } from "d3-dsv";
import { SERVICE_IDS } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import type { UsageRow } from "./types";

/**
 * The normalized on-disk format shared by the bundled dataset and the importer:
 * a folder with usage.csv (this header) and meta.json.
 */
export const USAGE_FILE = "usage.csv";
export const META_FILE = "meta.json";

export const USAGE_COLUMNS = [
  "month",
  "district_code",
  "district",
  "sex",
  "age_band",
  "population",
  ...SERVICE_IDS,
] as const;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const nameByCode = new Map(DISTRICTS.map((d) => [d.code, d.name_ko]));

/**
 * Serializes rows as usage.csv. Numbers use JavaScript's shortest round-trip form, so a value read
 * back is bit-identical and no precision is lost.
 */
export function formatUsageCsv(rows: readonly UsageRow[]): string {
  const body = rows.map((r) => [
    r.month,
    r.districtCode,
    nameByCode.get(r.districtCode) ?? "",
    r.sex,
    String(r.age),
    String(r.population),
    ...SERVICE_IDS.map((s) => String(r.usage[s])),
  ]);
  return csvFormatRows([[...USAGE_COLUMNS], ...body]) + "\n";
}

const districtOrder = new Map(DISTRICTS.map((d, i) => [d.code, i]));

/** Canonical row order: month, district (statistics order, 종로구 first), age band, sex (F before M). */
export function compareRows(a: UsageRow, b: UsageRow): number {
  return (
    a.month.localeCompare(b.month) ||
    districtOrder.get(a.districtCode)! - districtOrder.get(b.districtCode)! ||
    a.age - b.age ||
    a.sex.localeCompare(b.sex)
  );
}
