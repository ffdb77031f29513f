import type { QualityNote } from "@/lib/dataset/quality";
import type { District } from "@/lib/districts";
import { dongLabel, type Dong } from "@/lib/dongs";
import { SERVICE_IDS, UNIT_LABELS, unitKind, type Age, type Basis, type ServiceId, type Sex } from "@/lib/domain";
import { formatSigned, segmentLabel, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import { segmentId } from "./audience";
import { qualityNoteText } from "./period";
import { flaggedLabel } from "./segment";
import { monthAxisLabels, NO_FLAGS } from "./trend";
import { zBar } from "./z-bar";

/**
 * The /compare page's view model: each segment as a column (population, the seven services' z on one
 * shared scale with their rank, the chosen service's standout months) and that service's monthly
 * series for all of them on one chart.
 */

/** One segment as getComparison gives it. */
export interface ComparisonSource {
  /** `dong` for a 행정동 segment (getDongComparison). */
  segment: { district: District; dong?: Dong; sex: Sex; age: Age; population: number };
  overall: readonly { service: ServiceId; z: number | null; rank: number }[];
  standoutMonths: readonly { service: ServiceId; months: readonly { month: string; z: number }[] }[];
  /** A 행정동 segment's month without a figure is null. */
  trend: { months: readonly string[]; series: readonly { service: ServiceId; values: readonly (number | null)[] }[] };
}

/** "강남구 20대 여성", or "영등포구 여의동 30대 여성" for a 행정동 segment. */
export function comparisonLabel(s: ComparisonSource["segment"]): string {
  return segmentLabel(s.dong ? dongLabel(s.dong) : s.district.name_ko, s.sex, s.age);
}

export interface ServiceBar {
  service: ServiceId;
  name: string;
  z: number | null;
  rank: number;
  /** Where the bar starts and how wide it is, in % of the track; 0 sits at 50 %. */
  left: number;
  width: number;
}

export interface CompareColumn {
  id: string;
  label: string;
  /** Where the column's name links: a 행정동 segment's /dong page (left out: the district segment's /segment page). */
  href?: string;
  population: number;
  /** The seven services in a fixed order (the same row in every column), each with its rank. */
  bars: ServiceBar[];
  /** The chosen service's three months of highest within-month z; a doubtful month's label ends in ⚠. */
  standout: { month: string; label: string; z: number }[];
}

/**
 * The shared z scale: every bar of every column on ±max, max being the largest |z| shown rounded up
 * to a half (at least 1), so a longer bar is a larger z wherever it is.
 */
export function sharedZScale(sources: readonly ComparisonSource[]): number {
  let max = 0;
  for (const s of sources) for (const o of s.overall) if (o.z !== null) max = Math.max(max, Math.abs(o.z));
  return Math.max(1, Math.ceil(max * 2) / 2);
}

/** The columns; `flagged` are the window's doubtful months (lib/dataset/quality.ts), marked ⚠ where they stand out. */
export function compareColumns(
  sources: readonly ComparisonSource[],
  service: ServiceId,
  flagged: ReadonlySet<string> = NO_FLAGS,
): { max: number; columns: CompareColumn[] } {
  const max = sharedZScale(sources);
  const columns = sources.map((s) => {
    const byService = new Map(s.overall.map((o) => [o.service, o]));
    return {
      id: segmentId(s.segment),
      label: comparisonLabel(s.segment),
      population: s.segment.population,
      bars: SERVICE_IDS.map((id) => {
        const o = byService.get(id)!;
        const { left, width } = zBar(o.z, max);
        return { service: id, name: serviceName(id), z: o.z, rank: o.rank, left, width };
      }),
      standout: (s.standoutMonths.find((m) => m.service === service)?.months ?? []).map((m) => ({
        month: m.month,
        label: flaggedLabel(m.month, flagged),
        z: m.z,
      })),
    };
  });
  return { max, columns };
}

/** The tick marks of the shared scale: −max, −max/2, 0, max/2, max. */
export function scaleTicks(max: number): { value: number; label: string; at: number }[] {
  return [-max, -max / 2, 0, max / 2, max].map((value) => ({
    value,
    label: formatSigned(value, 1),
    at: 50 + (value / max) * 50,
  }));
}

/** The bars' table (and CSV): one row per segment × service, in the columns' order. */
export function profileTable(columns: readonly CompareColumn[]): TableData {
  return {
    columns: [
      { label: "고객층", kind: "text" },
      { label: "세그먼트 ID", kind: "text" },
      { label: "인구 (명, 월평균 거주)", kind: "int" },
      { label: "서비스", kind: "text" },
      { label: "z", kind: "signed" },
      { label: "순위 (7개 중)", kind: "int" },
    ],
    rows: columns.flatMap((c) => c.bars.map((b) => [c.label, c.id, c.population, b.name, b.z, b.rank])),
  };
}

/** The standout months' table: per segment, the chosen service's three months and their z. */
export function standoutTable(columns: readonly CompareColumn[], service: ServiceId): TableData {
  return {
    columns: [
      { label: "고객층", kind: "text" },
      { label: "서비스", kind: "text" },
      { label: "순서", kind: "int" },
      { label: "달", kind: "text" },
      { label: "그달 z", kind: "signed" },
    ],
    rows: columns.flatMap((c) => c.standout.map((m, i) => [c.label, serviceName(service), i + 1, m.label, m.z])),
  };
}

/**
 * The reason for each ⚠ among the standout months (the notes of those doubtful months, in month order),
 * said beside them: a month can stand out because the month itself is doubtful.
 */
export function standoutQualityNotes(columns: readonly CompareColumn[], notes: readonly QualityNote[]): string[] {
  const shown = new Set(columns.flatMap((c) => c.standout.map((m) => m.month)));
  return notes.filter((n) => shown.has(n.month)).map(qualityNoteText);
}

/** What the trend's values are, in words, on this basis. */
export function trendUnit(service: ServiceId, basis: Basis): string {
  if (unitKind(service) === "index") return `${UNIT_LABELS.index} (기준과 무관)`;
  return `${basis === "day" ? "일평균" : "월 합계"} (${UNIT_LABELS.count})`;
}

/** One chart row per month: `s0`…`s3` are the segments' values (segment ids have dots, which Recharts reads as paths). */
export interface CompareTrendRow {
  month: string;
  label: string;
  [segment: `s${number}`]: number | null;
}

export function compareTrend(
  sources: readonly ComparisonSource[],
  service: ServiceId,
  flagged: ReadonlySet<string> = NO_FLAGS,
): { rows: CompareTrendRow[]; series: { key: `s${number}`; id: string; label: string }[] } {
  const months = sources[0]?.trend.months ?? [];
  const values = sources.map((s) => s.trend.series.find((x) => x.service === service)!.values);
  // With the year when the window spans two; ⚠ on doubtful months.
  const labels = monthAxisLabels(months, flagged);
  const rows = months.map((month, m) => {
    const row: CompareTrendRow = { month, label: labels[m]! };
    values.forEach((v, i) => (row[`s${i}`] = v[m]!));
    return row;
  });
  const series = sources.map((s, i) => ({
    key: `s${i}` as const,
    id: segmentId(s.segment),
    label: comparisonLabel(s.segment),
  }));
  return { rows, series };
}

/** The trend's table (and CSV): a row per month, a column per segment, in the service's unit. */
export function trendTable(
  sources: readonly ComparisonSource[],
  service: ServiceId,
  basis: Basis,
  flagged: ReadonlySet<string> = NO_FLAGS,
): TableData {
  const { rows, series } = compareTrend(sources, service, flagged);
  const unit = trendUnit(service, basis);
  return {
    columns: [
      { label: "월", kind: "text" },
      ...series.map((s) => ({ label: `${s.label} ${serviceName(service)} ${unit}`, kind: "usage" as const })),
    ],
    rows: rows.map((r) => [flaggedLabel(r.month, flagged), ...series.map((s) => r[s.key] ?? null)]),
  };
}
