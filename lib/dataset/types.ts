import type { Age, ServiceId, Sex } from "@/lib/domain";

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
