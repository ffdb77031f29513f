import type { Age, ServiceId, Sex } from "@/lib/domain";
import type { ColumnId, GroupId, MeasureKind } from "./measures";

/** One row of the normalized dataset: a segment's figures for one month. */
export interface UsageRow {
  month: string;
  districtCode: string;
  sex: Sex;
  age: Age;
  /** Sum of the provider's population estimates (fractional). */
  population: number;
  /** Each service in the provider's own unit; any finite number, negative included. */
  usage: Record<ServiceId, number>;
}

export interface SourceFile {
  name: string;
  sha256: string;
}

export interface DatasetMeta {
  kind: "bundled" | "imported";
  title: string;
  source: string;
  attribution: string;
  /** How the provider's 행정동 × 5-year rows were folded into segments, in words. */
  aggregation: string;
  /** Machine-readable aggregation method: the importer's default is population-weighted. */
  method?: "unweighted" | "weighted";
  months: string[];
  /** sha256 of usage.csv, which also versions ETags and the health check. */
  sha256: string;
  files?: SourceFile[];
  created?: string;
}

export interface Dataset {
  meta: DatasetMeta;
  rows: UsageRow[];
}

// Dataset format v2 (data/README.md): rows at 행정동 and district grain, measures and groups per month.

/** The grain of a data row: a 행정동 (dong/YYYY-MM.csv.br) or a district (district.csv or rolled up). */
export type Grain = "dong" | "district";

/** An analysis window: months from…to, inclusive, `YYYY-MM`. */
export interface AnalysisWindow {
  from: string;
  to: string;
}

/** How a measure's rows were combined: the provider rows' plain mean (the 2023 method) or weighted. */
export type MeasureWeights = "unweighted" | "unestimated" | "population";

export interface MeasureMeta {
  /** A MeasureId, or a quartile column `<id>_q25|_q50|_q75`. */
  id: string;
  name_ko: string;
  kind: MeasureKind;
  unit_ko: string;
  /** The months that have it, ascending. */
  months: string[];
  grains: Grain[];
  weights?: MeasureWeights;
}

export interface GroupMeta {
  id: GroupId;
  /** Official name (2023 files). */
  name_ko: string;
  months: string[];
  grains: Grain[];
}

/** meta.json of a v2 dataset folder. */
export interface DatasetMetaV2 {
  kind: "bundled" | "imported";
  title: string;
  source: string;
  attribution: string;
  /** The aggregation rule in Korean words (measures: unweighted mean of rows; people: sums). */
  aggregation: string;
  method?: "unweighted" | "weighted";
  months: string[];
  defaultWindow: AnalysisWindow;
  measures: MeasureMeta[];
  groups: GroupMeta[];
  /** Every data file, relative path → sha256 hex (checked at load). */
  files: Record<string, string>;
  /** For imports: the provider files it was made from (name and sha256), shown on the home page. */
  sources?: SourceFile[];
  created?: string;
}

/** One 행정동 of dongs.csv. */
export interface Dong {
  /** 7-digit statistics code (사직동 1101053). */
  code: string;
  /** Name without the district prefix (사직동). */
  name_ko: string;
  /** 5-digit administrative district code (종로구 11110). */
  districtCode: string;
}

/** The provider's 5-year bands; 75 is 75+. A 10-year band b holds b and b+5 (70 holds 70 and 75). */
export const AGE5_BANDS = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75] as const;
export type Age5 = (typeof AGE5_BANDS)[number];

/**
 * One month of 행정동 rows, column-wise (122,000 rows a year as objects would cost ~100 MB):
 * row r is 행정동 `dongs[dong[r]]`, sex `SEXES[sex[r]]` (0 = F, 1 = M), 5-year band `age5[r]`.
 */
export interface DongMonth {
  month: string;
  rows: number;
  dong: Uint16Array;
  sex: Uint8Array;
  age5: Uint8Array;
  /** The columns this month has (population, single_households, measures, groups), `rows` values each. */
  columns: Partial<Record<ColumnId, Float64Array>>;
}

/**
 * One month at district grain: 300 cells in the canonical segment order (district as in DISTRICTS,
 * sex F before M, 10-year band), each column from district.csv where it has the cell, else rolled up
 * from the month's 행정동 rows.
 */
export interface DistrictMonth {
  month: string;
  columns: Partial<Record<ColumnId, Float64Array>>;
  /** Which columns came from 행정동 rows (the rest from district.csv). */
  rolledUp: ColumnId[];
}

/** A loaded, validated dataset folder (v2; a legacy usage.csv folder is read into the same shape). */
export interface LoadedDataset {
  meta: DatasetMetaV2;
  /** sha256 over meta.json (which lists every file's sha256): versions ETags and /api/health. */
  version: string;
  dongs: readonly Dong[];
  /** Months with 행정동 rows. */
  dongMonths: ReadonlyMap<string, DongMonth>;
  /** Every month of meta.months. */
  districtMonths: ReadonlyMap<string, DistrictMonth>;
}
