import type { District } from "@/lib/districts";
import { ageLabel, isServiceId, SEX_LABELS, unitKind, type Age, type ServiceId, type SexFilter } from "@/lib/domain";
import type { CorrelationMatrix, DistrictAverageAge, DistrictEffect, DistrictPopulation } from "@/lib/engine";
import { formatInt, formatSigned, serviceName } from "@/lib/format";
import { correlationColor, roundR, sequentialScale, type CellColor } from "@/lib/insights/color-scale";
import {
  choropleth,
  DISTRICT_RANK_COLUMNS,
  districtEffectChoropleth,
  districtEffectTable,
  rankedDistrictTable,
  type Choropleth,
} from "@/lib/insights/choropleth";
import { INSIGHT_METRICS, type InsightMetric } from "@/lib/params/values";
import type { TableColumn, TableData } from "@/lib/table";

/**
 * The /insights page's view models, computed on the server from the engine's answers: the ranked
 * population bars and their top 3, the heatmap's cells, the district map (average age, population or a
 * service's district effect) and each chart's table (which is also its CSV). Pure and unit-tested.
 */

export function insightsHeading(age: Age, sex: SexFilter): string {
  return `${ageLabel(age)} ${SEX_LABELS[sex]}`;
}

/** The tab title: the page's filters, and the map's service when it shows one. */
export function insightsTitle(age: Age, sex: SexFilter, metric: InsightMetric): string {
  const base = `현황 분석 — ${insightsHeading(age, sex)}`;
  return isServiceId(metric) ? `${base} · ${serviceName(metric)} 지도` : base;
}

export function insightsDescription(age: Age, sex: SexFilter, top3: readonly PopulationBar[]): string {
  const top = top3.map((b) => `${b.name} ${formatInt(b.population)}명`).join(", ");
  return `서울 25개 자치구의 ${insightsHeading(age, sex)} 인구가 많은 곳: ${top}. 서비스 이용 상관관계와 자치구 지도(평균 연령·인구·서비스별 자치구 효과).`;
}

// ── Population bars ───────────────────────────────────────────────────────────────────────────────

export const TOP_N = 3;

export interface PopulationBar {
  code: string;
  name: string;
  population: number;
  rank: number;
  top: boolean;
  /** Bar length as a percentage of the largest population (0–100). */
  percent: number;
}

/** The 25 districts by rank (largest population first); the first TOP_N are highlighted. */
export function populationBars(districts: readonly DistrictPopulation[], topN = TOP_N): PopulationBar[] {
  const max = Math.max(0, ...districts.map((d) => d.population));
  return [...districts]
    .sort((a, b) => a.rank - b.rank)
    .map((d, i) => ({
      code: d.district.code,
      name: d.district.name_ko,
      population: d.population,
      rank: d.rank,
      top: i < topN,
      percent: max > 0 ? (100 * d.population) / max : 0,
    }));
}

export function topDistricts(bars: readonly PopulationBar[]): PopulationBar[] {
  return bars.filter((b) => b.top);
}

const POPULATION_COLUMN: TableColumn = { label: "인구(명)", kind: "int" };

export function populationTable(bars: readonly PopulationBar[]): TableData {
  return {
    columns: [...DISTRICT_RANK_COLUMNS, POPULATION_COLUMN],
    rows: bars.map((b) => [b.rank, b.name, b.code, b.population]),
  };
}

/** Round gridline values for the bars' axis: 0 and steps of a round number up to the largest. */
export function populationTicks(max: number): { value: number; percent: number; label: string }[] {
  if (!(max > 0)) return [];
  const rough = max / 4;
  const p = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= rough)!;
  const ticks = [];
  for (let v = 0; v <= max + 1e-9; v += step)
    ticks.push({ value: v, percent: (100 * v) / max, label: formatCompact(v) });
  return ticks;
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

export function heatmapCells(m: Pick<CorrelationMatrix, "services" | "matrix">): HeatmapCell[][] {
  return m.services.map((row, i) =>
    m.services.map((col, j) => {
      const raw = m.matrix[i]?.[j] ?? null;
      const r = raw === null ? null : roundR(raw);
      return { row, col, r, label: formatSigned(r), ...correlationColor(r) };
    }),
  );
}

export function correlationTable(m: Pick<CorrelationMatrix, "services" | "matrix">): TableData {
  const cells = heatmapCells(m);
  return {
    columns: [
      { label: "서비스", kind: "text" },
      ...m.services.map((s) => ({ label: serviceName(s), kind: "signed" as const })),
    ],
    rows: cells.map((row, i) => [serviceName(m.services[i]!), ...row.map((c) => c.r)]),
  };
}

// ── District map ──────────────────────────────────────────────────────────────────────────────────

/** The map metric's name in the metric select. */
export function metricOptionLabel(metric: InsightMetric): string {
  if (metric === "average-age") return "평균 연령 (연령대 선택과 무관)";
  if (metric === "population") return "인구";
  return `${serviceName(metric)} 자치구 효과`;
}

export const METRIC_OPTIONS = INSIGHT_METRICS.map((m) => ({ value: m, label: metricOptionLabel(m) }));

/**
 * The map's heading, following the page's filters — except average age, which is over every age band
 * (20대 and up) by construction, so it says so instead of pretending to follow the age filter.
 */
export function mapTitle(metric: InsightMetric, age: Age, sex: SexFilter): string {
  if (metric === "average-age") return `자치구 평균 연령 — ${SEX_LABELS[sex]} (연령대 선택과 무관, 20대 이상 전체)`;
  if (metric === "population") return `자치구 인구 — ${insightsHeading(age, sex)}`;
  return `${serviceName(metric)} 자치구 효과 — ${insightsHeading(age, sex)}`;
}

/** What the map needs from the engine for its metric: only the chosen one is computed. */
export type MapInput =
  | { metric: "average-age"; districts: readonly DistrictAverageAge[] }
  | { metric: "population"; districts: readonly DistrictPopulation[] }
  | { metric: ServiceId; districts: readonly DistrictEffect[] };

/** `dongMapHref`: where a district opens its 행정동 map (a service's map only). */
export function insightsMap(
  input: MapInput,
  age: Age,
  sex: SexFilter,
  dongMapHref?: (district: District) => string,
): Choropleth {
  const label = mapTitle(input.metric, age, sex);
  if (input.metric === "average-age") {
    const rows = input.districts.map((d) => ({
      code: d.district.code,
      name: d.district.name_ko,
      value: Number.isFinite(d.averageAge) ? d.averageAge : null,
      rank: d.rank,
    }));
    const scale = sequentialScale(rows.map((r) => r.value));
    return choropleth({
      label,
      legendTitle: "평균 연령 (세)",
      metricWords: "평균 연령",
      rows,
      scale,
      formatValue: (v) => `${v.toFixed(2)}세`,
      formatEdge: (v) => v.toFixed(scale.digits),
    });
  }
  if (input.metric === "population") {
    const rows = input.districts.map((d) => ({
      code: d.district.code,
      name: d.district.name_ko,
      value: d.population,
      rank: d.rank,
    }));
    const scale = sequentialScale(rows.map((r) => r.value));
    return choropleth({
      label,
      legendTitle: "인구 (명, 월평균)",
      metricWords: "인구",
      rows,
      scale,
      formatValue: (v) => `${formatInt(v)}명`,
      formatEdge: formatInt,
    });
  }
  return districtEffectChoropleth(input.metric, label, input.districts, dongMapHref);
}

export function insightsMapTable(input: MapInput): TableData {
  if (input.metric === "average-age") {
    return rankedDistrictTable(input.districts, [{ label: "평균 연령(세)", kind: "decimal" }], (d) => [
      Number.isFinite(d.averageAge) ? d.averageAge : null,
    ]);
  }
  if (input.metric === "population")
    return rankedDistrictTable(input.districts, [POPULATION_COLUMN], (d) => [d.population]);
  return districtEffectTable(input.metric, input.districts);
}

/** The map's explanation under its heading, in the metric's own terms. */
export function mapExplanation(metric: InsightMetric): string {
  if (metric === "average-age")
    return "자치구 주민(20대 이상)의 평균 연령입니다. 연령대 중앙값(20대 → 25세 … 70대 → 75세)의 인구 가중 평균이라 연령대 선택은 쓰지 않고, 성별 선택만 따릅니다. 색이 진할수록 평균 연령이 높습니다.";
  if (metric === "population") return "선택한 연령대·성별의 자치구 월평균 인구입니다. 색이 진할수록 인구가 많습니다.";
  const name = serviceName(metric);
  return unitKind(metric) === "count"
    ? `같은 연령대·성별끼리 자치구를 비교한 ${name} 이용입니다. 지수 100은 25개 구 평균, 120은 평균보다 20% 많이 쓴다는 뜻입니다(빨강: 평균보다 많음, 파랑: 적음). 자치구를 누르면 그 자치구의 행정동 지도가 열립니다.`
    : `같은 연령대·성별끼리 자치구를 비교한 ${name} 이용입니다. ${name} 값은 표준화 지수(음수가 흔함)라 비율 대신 z로 보여 줍니다: 0은 25개 구 평균, +1은 평균보다 표준편차 하나만큼 많이 쓴다는 뜻입니다(빨강: 많음, 파랑: 적음). 자치구를 누르면 그 자치구의 행정동 지도가 열립니다.`;
}
