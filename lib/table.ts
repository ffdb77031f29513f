import type { CsvCell } from "./csv";
import { formatDecimal, formatInt, formatSigned, formatUsage } from "./format";

/**
 * A chart's data as one table: rendered as the chart's table view and downloaded as its CSV from the
 * same rows, so the two cannot disagree. Plain data only, so it crosses the server/client boundary.
 */
export type ColumnKind = "text" | "int" | "signed" | "usage" | "decimal";

export interface TableColumn {
  label: string;
  kind: ColumnKind;
}

export interface TableData {
  columns: TableColumn[];
  rows: CsvCell[][];
}

export function formatCell(value: CsvCell, kind: ColumnKind): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  switch (kind) {
    case "int":
      return formatInt(value);
    case "signed":
      return formatSigned(value);
    case "usage":
      return formatUsage(value);
    case "decimal":
      return formatDecimal(value);
    default:
      return String(value);
  }
}
