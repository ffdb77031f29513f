import type { District } from "@/lib/districts";
import type { DistrictEffect } from "@/lib/engine";
import { unitKind, type ServiceId } from "@/lib/domain";
import { formatSigned, serviceName } from "@/lib/format";
import type { CsvCell } from "@/lib/csv";
import type { TableColumn, TableData } from "@/lib/table";
import { classIndex, divergingScale, NO_DATA_COLOR, type LegendItem, type SequentialScale } from "./color-scale";

/**
 * What a district map shows, as plain data for the client map and the server-rendered ranked list: each
 * district's colour, its value in words and, where the map opens a segment, the link. Shared by the
 * /insights map (average age, population, a service's district effect) and the /service map.
 */
export interface MapDistrict {
  code: string;
  name: string;
  /** The value the colour stands for, unrounded (null: no data). */
  value: number | null;
  /** The value as printed, with its unit: "112.34", "46.21세", "12,345명", "−0.84". */
  valueText: string;
  rank: number;
  fill: string;
  /** Read out for the district (its aria-label): name, metric, value, colour class, rank. */
  description: string;
  /** The segment page a click, tap or Enter opens, when the map has one per district. */
  href?: string;
}

export interface Choropleth {
  /** What the map shows, in words (its heading and the map region's label). */
  label: string;
  /** The legend's title: the metric and its unit or reference point. */
  legendTitle: string;
  legend: LegendItem[];
  /** In rank order (1 = highest). */
  districts: MapDistrict[];
}

export interface ChoroplethRow {
  code: string;
  name: string;
  value: number | null;
  rank: number;
  href?: string;
}

/** A legend class in words: "96–98", "−1.0 ~ −0.5" (a minus sign beside a dash needs the spaced tilde). */
export function classRangeLabel(scale: SequentialScale, i: number, format: (v: number) => string): string {
  const c = scale.classes[i]!;
  const sep = c.from < 0 || c.to < 0 ? " ~ " : "–";
  return `${format(c.from)}${sep}${format(c.to)}`;
}

/** Colours, words and legend for rows already ranked, on a given scale. */
export function choropleth({
  label,
  legendTitle,
  metricWords,
  rows,
  scale,
  formatValue,
  formatEdge,
}: {
  label: string;
  legendTitle: string;
  /** The metric as read in a district's description: "배달 이용 지수". */
  metricWords: string;
  rows: readonly ChoroplethRow[];
  scale: SequentialScale;
  formatValue: (v: number) => string;
  formatEdge: (v: number) => string;
}): Choropleth {
  const districts = [...rows]
    .sort((a, b) => a.rank - b.rank)
    .map((r): MapDistrict => {
      const i = classIndex(scale, r.value);
      const valueText = r.value === null ? "자료 없음" : formatValue(r.value);
      const cls = i === null ? "" : `, 구간 ${classRangeLabel(scale, i, formatEdge)}`;
      return {
        code: r.code,
        name: r.name,
        value: r.value,
        valueText,
        rank: r.rank,
        fill: i === null ? NO_DATA_COLOR : scale.classes[i]!.color,
        description: `${r.name} ${metricWords} ${valueText}${cls}, ${r.rank}위`,
        ...(r.href ? { href: r.href } : {}),
      };
    });
  const legend = scale.classes.map((c, i) => ({ label: classRangeLabel(scale, i, formatEdge), color: c.color }));
  return { label, legendTitle, legend, districts };
}

// ── A service's district effect ───────────────────────────────────────────────────────────────────

/** An index around 100 to two decimals, as the tables print it (kind "decimal"): "112.34". */
export function formatIndex(n: number): string {
  return n.toFixed(2);
}

/**
 * How a service's district effect is shown: as an index (25-district mean = 100) where the unit is a
 * count, so "120" reads as 20 % more; as z for the standardized indices (YouTube, Netflix), whose
 * ratios mean nothing (their values are often negative).
 */
export function effectMeasure(service: ServiceId): { kind: "index" | "z"; words: string; legendTitle: string } {
  const name = serviceName(service);
  return unitKind(service) === "count"
    ? { kind: "index", words: `${name} 이용 지수`, legendTitle: `${name} 이용 지수 (25개 구 평균 = 100)` }
    : { kind: "z", words: `${name} 자치구 z`, legendTitle: `${name} 자치구 z (25개 구 평균 = 0, 단위: 표준편차)` };
}

/** The value a district is coloured by: its index for count services, its districtZ otherwise. */
export function effectValue(d: DistrictEffect, kind: "index" | "z"): number | null {
  return kind === "index" ? d.index : d.districtZ;
}

export function districtEffectChoropleth(
  service: ServiceId,
  label: string,
  effect: readonly DistrictEffect[],
  hrefFor?: (district: District) => string,
): Choropleth {
  const m = effectMeasure(service);
  const rows = effect.map((d) => ({
    code: d.district.code,
    name: d.district.name_ko,
    value: effectValue(d, m.kind),
    rank: d.rank,
    ...(hrefFor ? { href: hrefFor(d.district) } : {}),
  }));
  return effectMap(label, m, rows);
}

/**
 * An effect map (districts or 행정동): index values diverge around 100, z around 0, both with
 * the legend and words of the effect's measure.
 */
export function effectMap(
  label: string,
  m: { kind: "index" | "z"; legendTitle: string; words: string },
  rows: readonly ChoroplethRow[],
): Choropleth {
  const isIndex = m.kind === "index";
  const scale = divergingScale(
    rows.map((r) => r.value),
    isIndex ? 100 : 0,
  );
  return choropleth({
    label,
    legendTitle: m.legendTitle,
    metricWords: m.words,
    rows,
    scale,
    formatValue: isIndex ? formatIndex : (v) => formatSigned(v),
    // Edges at the scale's own precision: a step of 2.5 prints 92.5, not a rounded 93.
    formatEdge: isIndex
      ? (v) => v.toLocaleString("ko-KR", { minimumFractionDigits: scale.digits, maximumFractionDigits: scale.digits })
      : (v) => formatSigned(v, scale.digits).replace(/^\+/, ""),
  });
}

/** The first columns of every table of districts by rank: rank, district, its code. */
export const DISTRICT_RANK_COLUMNS: readonly TableColumn[] = [
  { label: "순위", kind: "int" },
  { label: "자치구", kind: "text" },
  { label: "자치구 코드", kind: "text" },
];

/** Districts in rank order as a table (and CSV): rank, district and code, then the view's own columns. */
export function rankedDistrictTable<D extends { rank: number; district: { name_ko: string; code: string } }>(
  districts: readonly D[],
  columns: readonly TableColumn[],
  cells: (d: D) => CsvCell[],
): TableData {
  return {
    columns: [...DISTRICT_RANK_COLUMNS, ...columns],
    rows: [...districts]
      .sort((a, b) => a.rank - b.rank)
      .map((d) => [d.rank, d.district.name_ko, d.district.code, ...cells(d)]),
  };
}

/** The district effect as a table (and CSV): rank, district, code, usage, z, index, population. */
export function districtEffectTable(service: ServiceId, effect: readonly DistrictEffect[]): TableData {
  const count = unitKind(service) === "count";
  return rankedDistrictTable(
    effect,
    [
      { label: `평균 ${serviceName(service)} 이용 (${count ? "제공처 단위" : "표준화 지수"})`, kind: "usage" },
      { label: "자치구 z", kind: "signed" },
      ...(count ? [{ label: "이용 지수 (평균 = 100)", kind: "decimal" as const }] : []),
      { label: "인구 (월평균)", kind: "int" },
    ],
    (d) => [d.usage, d.districtZ, ...(count ? [d.index] : []), d.population],
  );
}
