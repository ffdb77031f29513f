import { toCsv, type CsvCell } from "./csv";
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

/**
 * A cell as the CSV (and the table's data-value) carries it. "int" columns — won, impressions, people —
 * are whole numbers: shown rounded, so downloaded rounded too (7581943.68 → 7581944), not with the
 * engine's fractions. A view that must keep a column's rounded parts adding up to its total (the plan:
 * largest remainder) puts those integers in its rows; rounding an integer leaves it as it is.
 */
export function csvValue(value: CsvCell, kind: ColumnKind): CsvCell {
  return kind === "int" && typeof value === "number" && Number.isFinite(value) ? Math.round(value) || 0 : value;
}

/** The table as its CSV download: the column labels, then every row with csvValue's rounding. */
export function tableCsv(table: TableData): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((row) => row.map((cell, j) => csvValue(cell, table.columns[j]!.kind))),
  );
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
