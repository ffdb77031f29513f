import type { AverageAgeResponse, CorrelationResponse, PopulationResponse } from "@/lib/api/types";
import { ageLabel, SEX_LABELS, type Age, type ServiceId, type SexFilter } from "@/lib/domain";
import { formatInt, formatSigned, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import type { InsightMetric } from "@/lib/url-state";
import { classIndex, correlationColor, NO_DATA_COLOR, roundR, sequentialScale, type CellColor, type SequentialScale } from "./color-scale";

/**
 * View models of the insights page, computed from the API's responses: the ranked population bars and
 * their top 3, the heatmap's cells, the map's values and classes, and the three charts' tables (which
 * are also their CSVs). Pure, so the server's first render and the browser's agree.
 */

export type { InsightMetric };

export function insightsHeading(age: Age, sex: SexFilter): string {
  return `${ageLabel(age)} ${SEX_LABELS[sex]}`;
}

export function insightsTitle(age: Age, sex: SexFilter): string {
  return `현황 분석 — ${insightsHeading(age, sex)}`;
}

// ── Population bars ───────────────────────────────────────────────────────────────────────────────

export const TOP_N = 3;

export interface PopulationBar {
  code: string;
  name: string;
  population: number;
  rank: number;
  top: boolean;
}

/** The 25 districts by the API's rank (largest population first); the first TOP_N are highlighted. */
export function populationBars(res: PopulationResponse, topN = TOP_N): PopulationBar[] {
  return [...res.districts]
    .sort((a, b) => a.rank - b.rank)
    .map((d, i) => ({ code: d.district.code, name: d.district.name_ko, population: d.population, rank: d.rank, top: i < topN }));
}

export function topDistricts(bars: readonly PopulationBar[]): PopulationBar[] {
  return bars.filter((b) => b.top);
}

export function populationTable(bars: readonly PopulationBar[]): TableData {
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "자치구", kind: "text" },
      { label: "자치구 코드", kind: "text" },
      { label: "인구(명)", kind: "int" },
    ],
    rows: bars.map((b) => [b.rank, b.name, b.code, b.population]),
  };
}

const compact = new Intl.NumberFormat("ko-KR", { notation: "compact", maximumFractionDigits: 1 });

/** Axis ticks for populations: 100000 → "10만". */
export function formatCompact(n: number): string {
  return compact.format(n);
}

// ── Correlation heatmap ───────────────────────────────────────────────────────────────────────────

export interface HeatmapCell extends CellColor {
  row: ServiceId;
  col: ServiceId;
  /** r rounded to 2 decimals as printed, or null when undefined (a constant service). */
  r: number | null;
  label: string;
}

export function heatmapCells(res: CorrelationResponse): HeatmapCell[][] {
  return res.services.map((row, i) =>
    res.services.map((col, j) => {
      const raw = res.matrix[i]?.[j] ?? null;
      const r = raw === null ? null : roundR(raw);
      return { row, col, r, label: formatSigned(r), ...correlationColor(r) };
    }),
  );
}

export function correlationTable(res: CorrelationResponse): TableData {
  const cells = heatmapCells(res);
  return {
    columns: [{ label: "서비스", kind: "text" }, ...res.services.map((s) => ({ label: serviceName(s), kind: "signed" as const }))],
    rows: cells.map((row, i) => [serviceName(res.services[i]!), ...row.map((c) => c.r)]),
  };
}

// ── Choropleth ────────────────────────────────────────────────────────────────────────────────────

export const METRIC_INFO: Readonly<Record<InsightMetric, { label: string; unit: string; kind: "decimal" | "int" }>> = {
  "average-age": { label: "평균 연령", unit: "세", kind: "decimal" },
  population: { label: "인구", unit: "명", kind: "int" },
};

export interface MapDistrict {
  code: string;
  name: string;
  /** Average age in years (2 decimals) or population; null when the district has no data. */
  value: number | null;
  rank: number;
}

function finite(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The map's values for a metric, by the API's rank. */
export function mapDistricts(metric: InsightMetric, averageAge: AverageAgeResponse, population: PopulationResponse): MapDistrict[] {
  const rows =
    metric === "average-age"
      ? averageAge.districts.map((d) => {
          const v = finite(d.averageAge);
          return { code: d.district.code, name: d.district.name_ko, value: v === null ? null : Math.round(v * 100) / 100, rank: d.rank };
        })
      : population.districts.map((d) => ({ code: d.district.code, name: d.district.name_ko, value: finite(d.population), rank: d.rank }));
  return rows.sort((a, b) => a.rank - b.rank);
}

export function formatMetricValue(metric: InsightMetric, value: number | null): string {
  if (value === null) return "자료 없음";
  const { unit, kind } = METRIC_INFO[metric];
  return `${kind === "int" ? formatInt(value) : value.toFixed(2)}${unit}`;
}

function formatEdge(metric: InsightMetric, v: number, digits: number): string {
  return METRIC_INFO[metric].kind === "int" ? formatInt(v) : v.toFixed(digits);
}

/** A legend class in words: "46–47세", "10,000–15,000명". */
export function classLabel(metric: InsightMetric, scale: SequentialScale, i: number): string {
  const c = scale.classes[i]!;
  return `${formatEdge(metric, c.from, scale.digits)}–${formatEdge(metric, c.to, scale.digits)}${METRIC_INFO[metric].unit}`;
}

export interface MapView {
  districts: MapDistrict[];
  scale: SequentialScale;
  /** Per district code: fill colour and the words read out for it (name, value, class). */
  byCode: Map<string, { fill: string; value: number | null; description: string; name: string }>;
  legend: { label: string; color: string }[];
}

export function mapView(metric: InsightMetric, districts: MapDistrict[]): MapView {
  const scale = sequentialScale(districts.map((d) => d.value));
  const { label } = METRIC_INFO[metric];
  const byCode = new Map(
    districts.map((d) => {
      const i = classIndex(scale, d.value);
      const cls = i === null ? "" : ` (구간 ${classLabel(metric, scale, i)})`;
      return [
        d.code,
        {
          fill: i === null ? NO_DATA_COLOR : scale.classes[i]!.color,
          value: d.value,
          name: d.name,
          description: `${d.name} ${label} ${formatMetricValue(metric, d.value)}${cls}`,
        },
      ] as const;
    }),
  );
  const legend = scale.classes.map((c, i) => ({ label: classLabel(metric, scale, i), color: c.color }));
  return { districts, scale, byCode, legend };
}

export function mapTable(metric: InsightMetric, view: MapView): TableData {
  const { label, unit, kind } = METRIC_INFO[metric];
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "자치구", kind: "text" },
      { label: "자치구 코드", kind: "text" },
      { label: `${label}(${unit})`, kind },
      { label: "색 구간", kind: "text" },
    ],
    rows: view.districts.map((d) => {
      const i = classIndex(view.scale, d.value);
      return [d.rank, d.name, d.code, d.value, i === null ? "자료 없음" : classLabel(metric, view.scale, i)];
    }),
  };
}
